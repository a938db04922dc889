using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Learning;
using Training.Organisation.Data;
using Training.Reporting.Data;

namespace Training.Reporting.Tests.Heads;

/// <summary>Helpers over <see cref="World"/>: make a teacher the principal (Hiệu trưởng) of their school, read notifications.</summary>
internal static class HeadWorld
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    /// <summary>The digest job does not run on its own in these tests; each test runs it when it wants.</summary>
    public static Task<World> CreateAsync(TestDatabase database = TestDatabase.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Reporting:Digest:Enabled"] = "false" };
        return World.CreateAsync(all, database);
    }

    public static Task SetPositionAsync(this World world, TrainingUser user, string position) =>
        world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Position, position));
        });

    public static void Overdue(this World world, string teacher, int count, DateOnly since) =>
        world.Progress.People[world.Teachers[teacher].Id] = new LearnerProgress(count + 1, 1, 0, count, since);

    public static Task<List<Notification>> NotificationsAsync(this World world, string kind) =>
        world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Notifications.AsNoTracking()
            .Where(n => n.Kind == kind).ToListAsync());

    public static Task WaitUntilOutboxDrainedAsync(this World world) =>
        world.App.DrainOutboxesAsync(TimeSpan.FromSeconds(20), typeof(ReportingDbContext));
}
