using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Reporting.Tests.Doubles;

namespace Training.Reporting.Tests.Pages;

/// <summary>The demo organisation and plans with certificates from an in-memory ledger: what HR sees on a clean clone
/// once the Certification module is merged.</summary>
public sealed partial class DemoDashboardTests
{
    [Fact]
    public async Task DemoHrDrillsDownFromTheSoToASchool()
    {
        var ledger = new InMemoryLedger();
        var kpl = ledger.AddProgramme("CT-KPL", Guid.NewGuid());
        ledger.AddProgramme("CT-KNPH", Guid.NewGuid());
        using var app = new TrainingApp(seedDemo: true).WithServices(s =>
        {
            s.AddSingleton<ICertificateLedger>(ledger);
            s.AddSingleton<TimeProvider>(new FakeTimeProvider(World.Now));
        });
        var people = await app.WithScopeAsync(sp => sp.GetRequiredService<IOrgDirectory>().GetPeopleAsync(new PeopleQuery(null)));
        var random = new Random(7);
        foreach (var person in people.Where(_ => random.Next(100) < 55))
        {
            var issued = new DateOnly(2024, 9, 1).AddDays(random.Next(800));
            ledger.Issue(person.UserId, kpl, issued, issued.AddMonths(24), random.Next(40) == 0 ? issued.AddDays(100) : null);
        }
        var client = app.CreateBrowser();
        await client.SignInAsync("hr");

        var plans = await (await client.GetAsync("/hr/plans")).Content.ReadAsStringAsync();
        var planId = PlanLink().Match(plans).Groups[1].Value;
        var plan = await (await client.GetAsync($"/hr/plans/{planId}")).Content.ReadAsStringAsync();
        var targetId = TargetLink().Match(plan).Groups[1].Value;
        var dashboard = await client.GetAsync($"/hr/plans/targets/{targetId}");
        var html = await dashboard.Content.ReadAsStringAsync();
        var school = SchoolLink().Match(html);
        var schoolPage = await client.GetAsync($"/hr/plans/targets/{targetId}{WebUtility.HtmlDecode(school.Groups[1].Value)}");
        var schoolHtml = await schoolPage.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Sở Giáo dục và Đào tạo Ninh Bình", html);
        Assert.DoesNotContain("UBND huyện Cát Hải", html);
        Assert.Equal(HttpStatusCode.OK, schoolPage.StatusCode);
        Assert.Contains("Trường THPT chuyên Lương Văn Tụy", schoolHtml);
        await SaveAsync("dashboard.html", html);
        await SaveAsync("plan.html", plan);
        await SaveAsync("school.html", schoolHtml);
    }

    /// <summary>With REPORTING_ARTIFACTS set, keeps the page (stylesheets pointed at the source files) for a screenshot.</summary>
    private static async Task SaveAsync(string name, string html)
    {
        var folder = Environment.GetEnvironmentVariable("REPORTING_ARTIFACTS");
        if (string.IsNullOrEmpty(folder)) return;
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        html = html.Replace("/_content/TrainingTheme/", $"file://{root}/themes/TrainingTheme/wwwroot/")
            .Replace("/_content/Reporting/", $"file://{root}/src/Modules/Reporting/wwwroot/");
        await File.WriteAllTextAsync(Path.Combine(folder, name), html);
    }

    [GeneratedRegex("href=\"/hr/plans/([0-9a-f-]{36})\">Thực hiện Đề án")]
    private static partial Regex PlanLink();

    [GeneratedRegex("href=\"/hr/plans/targets/([0-9a-f-]{36})\"")]
    private static partial Regex TargetLink();

    [GeneratedRegex("href=\"(\\?unit=[0-9a-f-]{36})\">Trường THPT chuyên Lương Văn Tụy")]
    private static partial Regex SchoolLink();
}
