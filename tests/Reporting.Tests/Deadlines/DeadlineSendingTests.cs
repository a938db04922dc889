using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cluster;
using Training.Abstractions.Security;
using Training.Reporting.Data;
using Training.Reporting.Deadlines;
using Training.Reporting.Tests.Heads;

namespace Training.Reporting.Tests.Deadlines;

/// <summary>The plan's yearly report deadline: edited on the plan form, shown on the HR plans home, and the report sent
/// to the reporting unit's HR once per plan and year.</summary>
public sealed class DeadlineSendingTests
{
    private static Task<World> CreateAsync(TestDatabase database = TestDatabase.Sqlite) =>
        World.CreateAsync(new Dictionary<string, string?> { ["Reporting:Deadlines:Enabled"] = "false", ["Reporting:Digest:Enabled"] = "false" }, database);

    private static Task SetDeadlineAsync(World world, int day, int month, int? lead = null) =>
        world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Plans.Where(p => p.Id == world.Plan.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReportDeadlineDay, day).SetProperty(p => p.ReportDeadlineMonth, month)
                .SetProperty(p => p.ReportLeadDays, lead)));

    private static Task<int> RunJobAsync(World world) =>
        world.App.Services.GetServices<ISingletonJob>().OfType<DeadlineJob>().Single().RunOnceAsync();

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ReportGoesToTheReportingUnitsHrOncePerYear(TestDatabase database)
    {
        using var world = await CreateAsync(database);
        var hrTinh = await world.App.CreateUserAsync("hrtinh", BuiltInRoles.HR, world.Province, scope: world.Province);
        await SetDeadlineAsync(world, 1, 12); // today is 22/11/2026: 9 days before, inside the default 14

        var first = await RunJobAsync(world);
        var second = await RunJobAsync(world);

        Assert.Equal(1, first); // hra and hrb are scoped below the province: the province's HR reports
        Assert.Equal(0, second);
        var sent = Assert.Single(await world.NotificationsAsync("plan-report"));
        Assert.Equal(hrTinh.Id, sent.UserId);
        Assert.Equal($"/hr/plans/{world.Plan.Id}/report.pdf?year=2026", sent.Url);
        Assert.Contains("trước ngày 01/12/2026", sent.Body);
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hrtinh");
        var report = await client.GetAsync(sent.Url);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/pdf", report.Content.Headers.ContentType?.MediaType);

        world.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(1, await RunJobAsync(world)); // 22/11/2027: next year's report
    }

    [Fact]
    public async Task NothingIsSentOutsideTheLeadDays()
    {
        using var world = await CreateAsync();
        await world.App.CreateUserAsync("hrtinh", BuiltInRoles.HR, world.Province, scope: world.Province);
        await SetDeadlineAsync(world, 20, 12, lead: 20); // 28 days ahead

        Assert.Equal(0, await RunJobAsync(world));
    }

    [Fact]
    public async Task PlanFormStoresTheDeadlineAndTheHomeShowsItComing()
    {
        using var world = await CreateAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("admin1");
        var url = $"/hr/plans/edit/{world.Plan.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = world.Plan.Title, ["Input.Issuer"] = world.Plan.Issuer, ["Input.UnitId"] = world.Province.Id.ToString(),
            ["Input.Number"] = "1/KH-TEST", ["Input.FromYear"] = "2022", ["Input.ToYear"] = "2030",
        };

        var bad = await client.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.ReportDeadline"] = "31/04" });
        var badLead = await client.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.ReportDeadline"] = "30/11", ["Input.ReportLeadDays"] = "0" });
        var good = await client.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.ReportDeadline"] = "30/11", ["Input.ReportLeadDays"] = "10" });

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Hạn báo cáo hằng năm: “31/04” không phải ngày/tháng hợp lệ.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, badLead.StatusCode);
        Assert.Contains("Gửi báo cáo trước hạn: cần là số ngày từ 1 đến 180.", WebUtility.HtmlDecode(await badLead.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var plan = await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Plans.SingleAsync(p => p.Id == world.Plan.Id));
        Assert.Equal((30, 11, 10), (plan.ReportDeadlineDay, plan.ReportDeadlineMonth, plan.ReportLeadDays));
        var edit = WebUtility.HtmlDecode(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Contains("value=\"30/11\"", edit);

        var home = WebUtility.HtmlDecode(await (await client.GetAsync("/hr/plans")).Content.ReadAsStringAsync());
        Assert.Contains("Sắp đến hạn báo cáo", home);
        Assert.Contains("30/11/2026", home);
    }
}
