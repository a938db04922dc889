using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cluster;
using Training.Reporting.Heads;

namespace Training.Reporting.Tests.Heads;

/// <summary>The weekly digests: one per unit head and one per scoped HR user per ISO week, even when the job runs twice.</summary>
public sealed class DigestTests
{
    private static Task<int> RunJobAsync(World world) =>
        world.App.Services.GetServices<ISingletonJob>().OfType<DigestJob>().Single().RunOnceAsync();

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DigestsGoOutOncePerWeekEvenWhenTheJobRunsTwice(TestDatabase database)
    {
        using var smtp = new FakeSmtp();
        // No reminder scan: moving the clock past 06:00 would let it mail the overdue and expiring people too.
        using var world = await HeadWorld.CreateAsync(database, smtp.Settings(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" }));
        await world.SetPositionAsync(world.Teachers["gva1"], "Hiệu trưởng");
        world.Overdue("gva2", 1, new(2026, 11, 2));
        world.Ledger.Issue(world.Teachers["gvb1"].Id, world.Programme, new(2024, 12, 1), expiresOn: new(2026, 12, 20));

        // The world starts on Sunday 22/11/2026 10:00: the site's first run only records that this week's slot (Monday
        // 16/11 07:00) passed before it ran, and mails nobody.
        Assert.Equal(0, await RunJobAsync(world));
        Assert.Empty(await world.NotificationsAsync("head-digest"));
        Assert.Empty(await world.NotificationsAsync("hr-digest"));
        Assert.Equal(0, await RunJobAsync(world));
        world.Clock.Advance(TimeSpan.FromHours(20)); // Monday 23/11 06:00: before the slot
        Assert.Equal(0, await RunJobAsync(world));
        world.Clock.Advance(TimeSpan.FromHours(1)); // Monday 23/11 07:00: the slot

        var first = await RunJobAsync(world);
        var second = await RunJobAsync(world);

        // The head of A1 (gva2 overdue), HR of Sở A (gva2) and HR of Sở B (gvb1 expiring); B1 has no head.
        Assert.Equal(3, first);
        Assert.Equal(0, second);
        var head = Assert.Single(await world.NotificationsAsync("head-digest"));
        Assert.Equal(world.Teachers["gva1"].Id, head.UserId);
        Assert.Contains("Giáo viên GVA2", head.Body);
        Assert.Contains("2026-W48", head.Key);
        var hr = await world.NotificationsAsync("hr-digest");
        Assert.Equal(2, hr.Count);
        Assert.Contains(hr, n => n.Body.Contains("Trường A1: 1 người quá hạn, 0 người có chứng chỉ sắp hết hạn", StringComparison.Ordinal));
        Assert.Contains(hr, n => n.Body.Contains("Trường B1: 0 người quá hạn, 1 người có chứng chỉ sắp hết hạn", StringComparison.Ordinal));
        await world.WaitUntilOutboxDrainedAsync();
        Assert.True(await smtp.WaitForAsync(3, TimeSpan.FromSeconds(20)), "The digest e-mails did not arrive.");
        Assert.False(await smtp.WaitForAsync(4, TimeSpan.FromSeconds(2)));

        world.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(3, await RunJobAsync(world));
    }

    [Fact]
    public async Task ASlotMissedWhileTheSiteWasDownIsCaughtUpAtTheNextStart()
    {
        using var world = await HeadWorld.CreateAsync();
        await world.SetPositionAsync(world.Teachers["gva1"], "Hiệu trưởng");
        world.Overdue("gva2", 1, new(2026, 11, 2));
        Assert.Equal(0, await RunJobAsync(world)); // Sunday: the first run records the slot

        world.Clock.Advance(TimeSpan.FromDays(3)); // Wednesday 25/11: the site was down on Monday

        Assert.Equal(2, await RunJobAsync(world)); // the head of A1 and HR of Sở A
        Assert.Contains("2026-W48", Assert.Single(await world.NotificationsAsync("head-digest")).Key);
        Assert.Equal(0, await RunJobAsync(world));
    }

    [Fact]
    public async Task NoDigestWhenNobodyIsOverdueOrExpiring()
    {
        using var world = await HeadWorld.CreateAsync();
        await world.SetPositionAsync(world.Teachers["gva1"], "Hiệu trưởng");
        world.Ledger.Issue(world.Teachers["gva2"].Id, world.Programme, new(2025, 12, 1), expiresOn: new(2027, 12, 1));
        await RunJobAsync(world);
        world.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await RunJobAsync(world));
        Assert.Empty(await world.NotificationsAsync("head-digest"));
    }
}
