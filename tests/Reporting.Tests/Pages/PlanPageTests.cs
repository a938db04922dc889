using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;

namespace Training.Reporting.Tests.Pages;

/// <summary>Issue 10, item 15: the plan page links its number and basis to the legal library only when the library holds
/// the document; otherwise it shows plain text (it used to link /legal/search, a 404).</summary>
public sealed class PlanPageTests
{
    [Fact]
    public async Task PlanNumberLinksToTheLibraryDocumentAndAnUnknownBasisIsPlainText()
    {
        using var world = await World.CreateAsync();
        await ImportPlanAsync(world.App, "1/KH-TEST");
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");
        // The world's plan implements "1278/QĐ-BTTTT", which this library does not hold.
        await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.ReportingDbContext>();
            (await db.Plans.FindAsync(world.Plan.Id))!.BasisNumber = "1278/QĐ-BTTTT";
            await db.SaveChangesAsync();
        });

        var response = await client.GetAsync($"/hr/plans/{world.Plan.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var link = Regex.Match(html, "<a href=\"(/legal/[^\"]+)\"[^>]*>1/KH-TEST</a>");
        Assert.True(link.Success, "the plan number is not linked");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.Groups[1].Value)).StatusCode);
        Assert.Contains("Căn cứ: 1278/QĐ-BTTTT", WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")));
        Assert.DoesNotContain(">1278/QĐ-BTTTT</a>", html);
        Assert.DoesNotContain("/legal/search", html);
    }

    [Fact]
    public async Task WithAnEmptyLibraryNothingIsLinked()
    {
        using var world = await World.CreateAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var html = await client.GetStringAsync($"/hr/plans/{world.Plan.Id}");

        Assert.Contains("<span>1/KH-TEST</span>", html);
        Assert.DoesNotContain("href=\"/legal/", html);
    }

    /// <summary>A one-plan corpus imported with the import-corpus verb, as an operator would.</summary>
    private static async Task ImportPlanAsync(TrainingApp app, string number)
    {
        var folder = Path.Combine(app.DataPath, "corpus");
        Directory.CreateDirectory(Path.Combine(folder, "plans"));
        await File.WriteAllTextAsync(Path.Combine(folder, "plans", "ke-hoach-thu-nghiem.txt"),
            $"\n\nSố: {number}\n\nNinh Bình, ngày 20 tháng 12 năm 2017\n\nKẾ HOẠCH\n\nThực hiện Đề án thử nghiệm\n\n" +
            "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Nâng cao nhận thức về phòng ngừa vi phạm pháp luật trên mạng.\n\n" +
            "II. NỘI DUNG\n\n1. Tập huấn\n\n- Tổ chức các lớp tập huấn cho cán bộ.\n");
        var verb = app.Services.GetServices<ICliVerb>().Single(v => v.Name == "import-corpus");
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await verb.RunAsync(new CliContext([folder], app.Services, output, errors), CancellationToken.None);
        Assert.True(code == 0, output + errors.ToString());
    }
}
