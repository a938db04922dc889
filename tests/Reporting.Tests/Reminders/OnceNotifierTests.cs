using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Reporting.Data;
using Training.Reporting.Reminders;

namespace Training.Reporting.Tests.Reminders;

/// <summary>The one writer of keyed notifications: in batches, once per key, with the e-mail beside each.</summary>
public sealed class OnceNotifierTests
{
    private static List<Notice> Batch(World world, int count) =>
        Enumerable.Range(0, count).Select(i => new Notice($"test:{i}", world.Teachers["gva1"].Id, "test", "Tiêu đề " + i, new string('x', 5000), null)).ToList();

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ABatchAcrossChunksWritesEachKeyOnceEvenWhenSentConcurrently(TestDatabase database)
    {
        using var world = await World.CreateAsync(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" }, database);
        Assert.True(await world.App.WithScopeAsync(sp => sp.GetRequiredService<OnceNotifier>().AddAsync("test:7", world.Teachers["gva1"].Id, "test", "T", "B", null, default)));

        var written = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            world.App.WithScopeAsync(sp => sp.GetRequiredService<OnceNotifier>().AddAsync(Batch(world, 450), default)))));

        Assert.Equal(449, written.Sum());
        await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            Assert.Equal(450, await db.Notifications.CountAsync(n => n.Kind == "test"));
            Assert.Equal(450, await db.Outbox.CountAsync(m => m.Type == typeof(ReminderEmail).FullName));
            var longest = await db.Notifications.Where(n => n.Key == "test:8").Select(n => n.Body).SingleAsync();
            Assert.Equal(4000, longest.Length);
            Assert.EndsWith("…", longest);
        });
    }
}
