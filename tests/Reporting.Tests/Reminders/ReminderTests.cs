using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Learning;
using Training.Reporting.Data;
using Training.Reporting.Reminders;
using Training.Reporting.Tests.Doubles;

namespace Training.Reporting.Tests.Reminders;

public sealed class ReminderTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ExpiringCertificateAndOverdueAssignmentNotifyTheLearnerOnce(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        var teacher = world.Teachers["gva1"];
        world.Ledger.Issue(teacher.Id, world.Programme, new(2024, 12, 1), expiresOn: Today.AddDays(20));
        world.Ledger.Issue(world.Teachers["gva2"].Id, world.Programme, new(2024, 12, 1), expiresOn: Today.AddDays(200));
        world.Learning.Overdue.Add(new OverdueAssignment(Guid.NewGuid(), teacher.Id, Guid.NewGuid(), "An toàn thông tin", Today.AddDays(-3)));

        var first = await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReminderScanner>().ScanAsync(Today));
        var second = await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReminderScanner>().ScanAsync(Today.AddDays(1)));

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        var client = world.App.CreateBrowser();
        await client.SignInAsync("gva1");
        var response = await client.GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("sắp hết hạn", html);
        Assert.Contains("Quá hạn hoàn thành khóa học An toàn thông tin", html);
        var other = world.App.CreateBrowser();
        await other.SignInAsync("gva2");
        Assert.Contains("Chưa có thông báo.", await (await other.GetAsync("/notifications")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReminderEmailIsSentOnceAcrossARestart()
    {
        using var smtp = new FakeSmtp();
        var data = Path.Combine(Path.GetTempPath(), "training-tests", "restart-" + Guid.NewGuid().ToString("N"));
        var settings = smtp.Settings(new Dictionary<string, string?> { ["Training:DataPath"] = data });
        try
        {
            using (var world = await World.CreateAsync(settings))
            {
                world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2024, 12, 1), expiresOn: Today.AddDays(10));
                await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReminderScanner>().ScanAsync(Today));
                Assert.True(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(20)), "The reminder e-mail did not arrive.");
                Assert.Equal("gva1@test.local", smtp.Messages.Single().To.Mailboxes.Single().Address);
                await WaitUntilOutboxDrainedAsync(world.App);
            }

            using var restarted = new TrainingApp(settings: settings);
            var ledger = new InMemoryLedger();
            var programme = ledger.AddProgramme("CT-KPL");
            restarted.WithServices(s => s.AddSingleton<Training.Abstractions.Certificates.ICertificateLedger>(ledger));
            var userId = await restarted.WithScopeAsync(sp => sp.GetRequiredService<Training.Abstractions.Organisation.IOrgDirectory>()
                .GetPeopleAsync(new(null, ["giáo viên"]))).ContinueWith(t => t.Result.Single(p => p.StaffCode == "GVA1").UserId);
            var certificate = await restarted.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Notifications.SingleAsync());
            ledger.Facts.Add(new(Guid.Parse(certificate.Key.Split(':')[1]), userId, programme.Id, new(2024, 12, 1), Today.AddDays(10), null, null, "CC-1", "V"));

            var created = await restarted.WithScopeAsync(sp => sp.GetRequiredService<ReminderScanner>().ScanAsync(Today));
            await WaitUntilOutboxDrainedAsync(restarted);

            Assert.Equal(0, created);
            Assert.False(await smtp.WaitForAsync(2, TimeSpan.FromSeconds(3)));
            Assert.Single(smtp.Messages);
        }
        finally
        {
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }

    private static Task WaitUntilOutboxDrainedAsync(TrainingApp app) => app.DrainOutboxesAsync(TimeSpan.FromSeconds(20), typeof(ReportingDbContext));
}
