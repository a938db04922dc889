using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Training.Abstractions.Storage;
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
    private static Task<World> CreateAsync(TestDatabase database = TestDatabase.Sqlite, FakeSmtp? smtp = null, CommandLog? commands = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Reporting:Deadlines:Enabled"] = "false", ["Reporting:Digest:Enabled"] = "false", ["Reminders:Enabled"] = "false",
        };
        return World.CreateAsync(smtp?.Settings(settings) ?? settings, database,
            commands is null ? null : s => s.LogCommands<ReportingSqliteDbContext, ReportingPostgresDbContext>(commands));
    }

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

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task NDaysBeforeEachHrOfTheUnitGetsTheStoredReportAttachedOnce(TestDatabase database)
    {
        using var smtp = new FakeSmtp();
        using var world = await CreateAsync(database, smtp);
        await world.App.CreateUserAsync("hrtinh", BuiltInRoles.HR, world.Province, scope: world.Province);
        await world.App.CreateUserAsync("hrtinh2", BuiltInRoles.HR, world.Province, scope: world.Province);
        await SetDeadlineAsync(world, 1, 12, lead: 9); // today is 22/11/2026: exactly 9 days before

        Assert.Equal(2, await RunJobAsync(world));
        Assert.Equal(0, await RunJobAsync(world));
        await world.WaitUntilOutboxDrainedAsync();

        Assert.True(await smtp.WaitForAsync(2, TimeSpan.FromSeconds(30)), "The report e-mails did not arrive.");
        Assert.False(await smtp.WaitForAsync(3, TimeSpan.FromSeconds(2)));
        var messages = smtp.Messages;
        Assert.Equal(new HashSet<string> { "hrtinh@test.local", "hrtinh2@test.local" }, messages.Select(m => m.To.Mailboxes.Single().Address).ToHashSet());
        var blobs = world.App.Services.GetRequiredService<IBlobStore>();
        foreach (var message in messages)
        {
            Assert.Contains("trước ngày 01/12/2026", message.TextBody);
            var files = message.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName ?? "", Bytes);
            Assert.Equal(new HashSet<string> { "bao-cao-ket-qua-2026.pdf", "bao-cao-ket-qua-2026.xlsx" }, files.Keys.ToHashSet());
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(files["bao-cao-ket-qua-2026.pdf"], 0, 4));
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(files["bao-cao-ket-qua-2026.xlsx"], 0, 2));
            foreach (var (name, bytes) in files)
            {
                var stored = await blobs.GetInfoAsync($"reports/plans/{world.Plan.Id:N}/2026/{name}");
                Assert.NotNull(stored);
                Assert.Equal(stored.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            }
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task WhoStillWaitsIsAskedOnceForAllRecipientsNotOncePerPerson(TestDatabase database)
    {
        var commands = new CommandLog();
        using var world = await CreateAsync(database, commands: commands);
        for (var i = 1; i <= 5; i++) await world.App.CreateUserAsync($"hrtinh{i}", BuiltInRoles.HR, world.Province, scope: world.Province);
        await SetDeadlineAsync(world, 1, 12);
        static int Lookups(CommandLog log) => log.Count("SELECT", "rpt_notifications");

        commands.Clear();
        Assert.Equal(5, await RunJobAsync(world));
        // One look-up before generating the report, one just before writing (what keeps each key written once).
        Assert.Equal(2, Lookups(commands));

        commands.Clear();
        Assert.Equal(0, await RunJobAsync(world));
        Assert.Equal(1, Lookups(commands)); // everyone has it: no report generated, nothing written
        Assert.Equal(5, (await world.NotificationsAsync("plan-report")).Count);
    }

    [Fact]
    public async Task TheHrHomeShowsTheComingDeadlineWithTheReportLinks()
    {
        using var world = await CreateAsync();
        await world.App.CreateUserAsync("hrtinh", BuiltInRoles.HR, world.Province, scope: world.Province);
        await SetDeadlineAsync(world, 1, 12);
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hrtinh");

        var response = await client.GetAsync("/hr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Sắp đến hạn báo cáo", html);
        Assert.Contains("trước ngày 01/12/2026 (còn 9 ngày)", html);
        Assert.Contains($"href=\"/hr/plans/{world.Plan.Id}/report.xlsx?year=2026\"", html);
        Assert.Contains($"href=\"/hr/plans/{world.Plan.Id}/report.pdf?year=2026\"", html);

        await SetDeadlineAsync(world, 20, 12, lead: 20); // 28 days ahead: outside its window
        var later = WebUtility.HtmlDecode(await (await client.GetAsync("/hr")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Sắp đến hạn báo cáo", later);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheHrHomeReadsThePlansDeadlineFieldsNotTheirTargets(TestDatabase database)
    {
        var commands = new CommandLog();
        using var world = await CreateAsync(database, commands: commands);
        await world.App.CreateUserAsync("hrtinh", BuiltInRoles.HR, world.Province, scope: world.Province);
        await SetDeadlineAsync(world, 1, 12);
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hrtinh");

        commands.Clear();
        var response = await client.GetAsync("/hr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("trước ngày 01/12/2026 (còn 9 ngày)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, commands.Count("rpt_targets") + commands.Count("rpt_milestones") + commands.Count("rpt_plan_phases"));
        Assert.Equal(1, commands.Count("SELECT", "rpt_plans"));

        // Still filtered by visibility: Sở B's plan shows to Sở B's HR, not to Sở A's.
        await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Plans.Where(p => p.Id == world.Plan.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitId, world.SoB.Id)));
        foreach (var (login, shown) in new[] { ("hra", false), ("hrb", true) })
        {
            var hr = world.App.CreateBrowser();
            await hr.SignInAsync(login);
            var home = WebUtility.HtmlDecode(await (await hr.GetAsync("/hr")).Content.ReadAsStringAsync());
            Assert.Equal(shown, home.Contains("trước ngày 01/12/2026", StringComparison.Ordinal));
        }
    }

    private static byte[] Bytes(MimePart part)
    {
        using var copy = new MemoryStream();
        part.Content!.DecodeTo(copy);
        return copy.ToArray();
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
