using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Storage;
using Training.Organisation.Data;
using Training.Organisation.Roster;
using Training.Testing;

namespace Training.Organisation.Tests.Roster;

/// <summary>Roster drafts in the blob store: only the uploader reads one, a day later it is refused, and saving a new
/// draft removes the expired ones (row and content).</summary>
public sealed class RosterDraftExpiryTests
{
    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ADraftIsTheUploadersOnlyExpiresAfterADayAndIsThenRemoved(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var clock = new SettableClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var blobs = sp.GetRequiredService<IBlobStore>();
            var drafts = new RosterDrafts(db, blobs, clock);
            var content = Encoding.UTF8.GetBytes("Mã cán bộ,Họ và tên\nNB1,Lê Văn Một\n");

            var old = await drafts.SaveAsync("hr-1", content, CancellationToken.None);
            Assert.Equal(content, await drafts.LoadAsync("hr-1", old, CancellationToken.None));
            Assert.Null(await drafts.LoadAsync("hr-2", old, CancellationToken.None));
            Assert.Null(await drafts.LoadAsync("hr-1", "../../etc/passwd", CancellationToken.None));

            clock.Now = clock.Now.AddHours(25);
            Assert.Null(await drafts.LoadAsync("hr-1", old, CancellationToken.None));
            var fresh = await drafts.SaveAsync("hr-1", content, CancellationToken.None);
            Assert.Equal([fresh], await db.RosterDrafts.Select(d => d.Id).ToListAsync());
            Assert.Null(await blobs.GetInfoAsync($"roster-drafts/{old}.csv"));
            Assert.NotNull(await blobs.GetInfoAsync($"roster-drafts/{fresh}.csv"));

            await drafts.DeleteAsync("hr-2", fresh, CancellationToken.None); // not theirs: kept
            Assert.NotNull(await drafts.LoadAsync("hr-1", fresh, CancellationToken.None));
            await drafts.DeleteAsync("hr-1", fresh, CancellationToken.None);
            Assert.Null(await drafts.LoadAsync("hr-1", fresh, CancellationToken.None));
            Assert.Null(await blobs.GetInfoAsync($"roster-drafts/{fresh}.csv"));
        });
    }
}
