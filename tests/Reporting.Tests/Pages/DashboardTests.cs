using System.Net;
using Training.Abstractions.Security;

namespace Training.Reporting.Tests.Pages;

public sealed class DashboardTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task HrSeesCoverageOfTheirSubtreeAndNeverTheOther(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 6, 1));
        world.Ledger.Issue(world.Teachers["gvb1"].Id, world.Programme, new(2025, 6, 1));
        await world.SyncAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var response = await client.GetAsync($"/hr/plans/targets/{world.Target.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sở A", html);
        Assert.Contains("Trường A1", html);
        Assert.Contains("25,0 %", html);
        Assert.DoesNotContain("Trường B1", html);
        Assert.DoesNotContain("Sở B", html);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task HrCannotOpenAUnitOutsideTheirScope()
    {
        using var world = await World.CreateAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var page = await client.GetAsync($"/hr/plans/targets/{world.Target.Id}?unit={world.SchoolB1.Id}");
        var people = await client.GetAsync($"/hr/plans/targets/{world.Target.Id}/people?unit={world.SchoolB1.Id}");
        var export = await client.GetAsync($"/hr/plans/targets/{world.Target.Id}/people.csv?unit={world.SchoolB1.Id}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, people.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DrillDownListsPeopleByStatus(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        var today = new DateOnly(2026, 11, 22);
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 1, 1), expiresOn: today.AddDays(30));
        world.Ledger.Issue(world.Teachers["gva2"].Id, world.Programme, new(2025, 1, 1));
        await world.SyncAsync();
        world.Learning.InProgress[world.CourseId] = [world.Teachers["gva3"].Id];
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var response = await client.GetAsync($"/hr/plans/targets/{world.Target.Id}/people?unit={world.SoA.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sắp hết hạn (60 ngày) (1)", html);
        Assert.Contains("Đã có chứng chỉ (1)", html);
        Assert.Contains("Đang học (1)", html);
        Assert.Contains("Chưa bắt đầu (1)", html);
        Assert.Contains("Giáo viên GVA4", html);
        Assert.DoesNotContain("GVB1", html);

        var filtered = await (await client.GetAsync($"/hr/plans/targets/{world.Target.Id}/people?unit={world.SoA.Id}&status=NotStarted")).Content.ReadAsStringAsync();
        Assert.Contains("Giáo viên GVA4", filtered);
        Assert.DoesNotContain("Giáo viên GVA1", filtered);
    }

    [Fact]
    public async Task AdministratorSeesEveryUnit()
    {
        using var world = await World.CreateAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("admin1");

        var html = await (await client.GetAsync($"/hr/plans/targets/{world.Target.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("Sở A", html);
        Assert.Contains("Sở B", html);
    }

    [Fact]
    public async Task LearnersAndAnonymousVisitorsAreRefused()
    {
        using var world = await World.CreateAsync();
        var anonymous = world.App.CreateBrowser();
        var learner = world.App.CreateBrowser();
        await learner.SignInAsync("gva1");

        foreach (var url in new[] { "/hr/plans", $"/hr/plans/{world.Plan.Id}", $"/hr/plans/targets/{world.Target.Id}", $"/hr/plans/targets/{world.Target.Id}/people.csv", $"/hr/plans/{world.Plan.Id}/report.pdf" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).StatusCode);
            var refused = await learner.GetAsync(url);
            Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{url}: {refused.StatusCode}");
            Assert.Contains("denied", refused.Headers.Location?.OriginalString ?? "denied", StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DemoPlansAreSeededWithCatHaiTargetsAsWritten()
    {
        using var app = new TrainingApp(seedDemo: true);
        var client = app.CreateBrowser();
        await client.SignInAsync("admin");

        var index = await (await client.GetAsync("/hr/plans")).Content.ReadAsStringAsync();
        Assert.Contains("58/KH-SGDĐT", index);
        Assert.Contains("huyện Cát Hải", index);
        var catHai = System.Text.RegularExpressions.Regex.Match(index, "href=\"/hr/plans/([0-9a-f-]{36})\">Triển khai thực hiện Quyết định số 311").Groups[1].Value;
        var page = await client.GetAsync($"/hr/plans/{catHai}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Đến năm 2025, đạt trên 80% và đến năm 2030 đạt 100% cán bộ làm công tác học sinh", html);
        Assert.Contains("Chỉ tiêu 5", html);
        // With the Certification module in the site, the ledger answers: no "no certificate data" state.
        Assert.DoesNotContain("Chưa có dữ liệu chứng chỉ", html);
    }
}
