using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Reporting.Data;

namespace Training.Reporting.Tests.Pages;

/// <summary>Issue 10, items 4 and 6: every text field of Reporting's forms has a limit, refused with the field named and
/// nothing saved; exported cells that a spreadsheet would run as formulas are escaped.</summary>
public sealed class TextLimitTests
{
    [Fact]
    public async Task PlanFieldsOverTheirLimitsAreRefusedByNameAndNothingIsSaved()
    {
        using var world = await World.CreateAsync();
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");

        var response = await admin.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = new string('K', 501), ["Input.Issuer"] = new string('S', 201), ["Input.Number"] = new string('9', 65),
            ["Input.BasisNumber"] = "311/QĐ-TTg", ["Input.Note"] = new string('g', 4001), ["Input.IssuedOn"] = new string('1', 100_000),
            ["Input.UnitId"] = world.SoA.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tên kế hoạch: tối đa 500 ký tự (đang có 501).", html);
        Assert.Contains("Cơ quan ban hành: tối đa 200 ký tự (đang có 201).", html);
        Assert.Contains("Số hiệu: tối đa 64 ký tự (đang có 65).", html);
        Assert.Contains("Ghi chú: tối đa 4.000 ký tự (đang có 4.001).", html);
        // A refused date is not echoed in its message.
        Assert.Contains("Ngày ban hành: không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 31/12/2030).", html);
        Assert.Equal(1, await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Plans.CountAsync()));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ANoteOfExactlyTheLimitIsSaved(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        var note = new string('g', 4000);

        var response = await admin.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Kế hoạch có ghi chú dài", ["Input.Issuer"] = "Sở A", ["Input.Note"] = note, ["Input.UnitId"] = world.SoA.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(4000, await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Plans
            .Where(p => p.Title == "Kế hoạch có ghi chú dài").Select(p => p.Note!.Length).SingleAsync()));
    }

    [Fact]
    public async Task TargetIndicatorOverItsLimitIsRefusedByName()
    {
        using var world = await World.CreateAsync();
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        var url = $"/hr/plans/{world.Plan.Id}/targets/edit";

        var response = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Ordinal"] = "2", ["Input.Indicator"] = new string('c', 4001), ["Input.Kind"] = "StaffCertified",
            ["Input.UnitId"] = world.SoA.Id.ToString(), ["Input.Categories"] = new string('d', 501), ["Input.Programmes"] = "CT-KPL",
        }, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chỉ tiêu (nguyên văn): tối đa 4.000 ký tự (đang có 4.001).", html);
        Assert.Contains("Đối tượng: tối đa 500 ký tự (đang có 501).", html);
        Assert.Equal(1, await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Targets.CountAsync()));
    }

    [Fact]
    public async Task ApiKeyNameOverItsLimitIsRefusedByName()
    {
        using var world = await World.CreateAsync();
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");

        var response = await admin.PostFormAsync("/admin/api-keys", new Dictionary<string, string> { ["Name"] = new string('h', 201), ["UnitId"] = world.SoA.Id.ToString() },
            "/admin/api-keys?handler=Create");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hệ thống sử dụng: tối đa 200 ký tự.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task PeopleSearchOverItsLimitIsRefusedOnThePageAndInTheExport()
    {
        using var world = await World.CreateAsync();
        var hr = world.App.CreateBrowser();
        await hr.SignInAsync("hra");
        var q = new string('n', 501);

        var page = await hr.GetAsync($"/hr/plans/targets/{world.Target.Id}/people?q={q}");
        var export = await hr.GetAsync($"/hr/plans/targets/{world.Target.Id}/people.csv?q={q}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Tên hoặc mã cán bộ: tối đa 500 ký tự.", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain($"value=\"{q}\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains("Tên hoặc mã cán bộ: tối đa 500 ký tự.", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportedNamesAndUnitsThatLookLikeFormulasAreEscaped()
    {
        using var world = await World.CreateAsync();
        var unit = await world.App.CreateUnitAsync("@SUM(1+1)*cmd|' /C calc'!A0", world.SoA);
        await world.App.CreateUserAsync("formula", BuiltInRoles.Learner, unit, category: "giáo viên", fullName: "=HYPERLINK(\"http://x.example\",\"Bấm\")");
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");

        var people = await admin.GetAsync($"/hr/plans/targets/{world.Target.Id}/people.csv");
        var units = await admin.GetAsync($"/hr/plans/targets/{world.Target.Id}/units.csv?unit={world.SoA.Id}");

        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        var names = Column(await people.Content.ReadAsByteArrayAsync(), "Họ và tên");
        Assert.Contains("'=HYPERLINK(\"http://x.example\",\"Bấm\")", names);
        Assert.Contains("Giáo viên GVA1", names);
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);
        Assert.Contains("'@SUM(1+1)*cmd|' /C calc'!A0", Column(await units.Content.ReadAsByteArrayAsync(), "Đơn vị"));
    }

    private static List<string> Column(byte[] bytes, string header) => ExportFiles.CsvRows(bytes).Select(r => r[header]).ToList();
}
