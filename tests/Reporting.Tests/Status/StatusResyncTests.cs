using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cluster;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;
using Training.Reporting.Data;
using Training.Reporting.Status;
using Training.Reporting.Tests.RealModules;

namespace Training.Reporting.Tests.Status;

/// <summary>Item 4 of issue 13, kept true for a year: the daily re-sync corrects whatever drift events did not bring
/// (rows written or lost behind their back), once per day slot on one node; a roster change of any size is refreshed
/// in bounded batches. Figures start from <see cref="RealWorld"/>: Sở 3 / 8.</summary>
public sealed class StatusResyncTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DriftWrittenStraightIntoTheStatusTablesIsCorrectedByOneRunAndTheNextRunCorrectsNothing(TestDatabase database)
    {
        using var world = await RealWorld.CreateAsync(database);
        var truth = await TablesAsync(world);
        Assert.Contains("Số liệu chưa được đối soát định kỳ lần nào.", await PlansPageAsync(world));
        Assert.Equal((3, 8), await DashboardTotalAsync(world));

        // Drift no event brought: t1a's row on the wrong unit, t1b's post on the wrong unit, d1's row lost, t2a's
        // revocation lost, and the post of somebody the roster never had.
        var (t1a, t1b, d1, t2a) = (world.People["t1a"].Id, world.People["t1b"].Id, world.People["d1"].Id, world.People["t2a"].Id);
        await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            await db.PersonStatuses.Where(s => s.UserId == t1a).ExecuteUpdateAsync(s => s.SetProperty(x => x.UnitId, world.School2.Id));
            var post = await db.Staff.SingleAsync(s => s.UserId == t1b);
            db.Staff.Remove(post);
            db.Staff.Add(new StaffMember { UserId = t1b, UnitId = world.School2.Id, Category = post.Category, Posts = 1, UpdatedAt = post.UpdatedAt });
            await db.PersonStatuses.Where(s => s.UserId == d1).ExecuteDeleteAsync();
            await db.PersonStatuses.Where(s => s.UserId == t2a).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedOn, (DateOnly?)null));
            db.Staff.Add(new StaffMember { UserId = "ghost", UnitId = world.School1.Id, Category = "giáo viên", Posts = 1, UpdatedAt = RealWorld.Now });
            await db.SaveChangesAsync();
        });
        // The dashboard reads the cover totals, which the refresher keeps and this drift went around: counted from the
        // status rows, the drift shows (d1 lost, t2a counted, a ghost in the population).
        Assert.Equal((3, 8), await DashboardTotalAsync(world));
        Assert.Equal((3, 9), await StatusTotalAsync(world));

        var first = await RunAsync(world.App);

        Assert.NotNull(first);
        Assert.NotNull(first.FinishedAt);
        // t1a's row, t1b's post (the wrong one removed, the right one added), d1's row, t2a's row, the ghost's post.
        Assert.Equal(6, first.RowsCorrected);
        Assert.Equal(await world.App.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.CountAsync()) + 1, first.PeopleChecked);
        Assert.Equal(truth, await TablesAsync(world));
        Assert.Equal((3, 8), await DashboardTotalAsync(world));
        Assert.Equal((3, 8), await StatusTotalAsync(world));
        var page = await PlansPageAsync(world);
        Assert.Contains($"Đối soát số liệu gần nhất: 22/11/2026 09:00, đã kiểm tra {first.PeopleChecked} người, sửa 6 dòng sai lệch.", page);

        // The same day's slot is handled: nothing runs. The next day's run finds nothing to correct.
        Assert.Null(await RunAsync(world.App));
        world.Clock.Advance(TimeSpan.FromDays(1));
        var second = await RunAsync(world.App);
        Assert.NotNull(second);
        Assert.Equal(0, second.RowsCorrected);
        Assert.Equal(first.PeopleChecked - 1, second.PeopleChecked);
        await world.Admin.SignInAsync("quantri"); // a day later the session has expired
        page = await PlansPageAsync(world);
        Assert.Contains($"Đối soát số liệu gần nhất: 23/11/2026 09:00, đã kiểm tra {second.PeopleChecked} người, sửa 0 dòng sai lệch.", page);
        Assert.Equal(2, await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().ResyncRuns.CountAsync()));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TwoRunsAskedForAtOnceRunTheDaySlotOnce(TestDatabase database)
    {
        using var world = await RealWorld.CreateAsync(database);

        var runs = await Task.WhenAll(RunAsync(world.App), RunAsync(world.App), RunAsync(world.App));

        Assert.Single(runs, r => r is not null);
        Assert.Equal(1, await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().ResyncRuns.CountAsync()));
    }

    [Fact]
    public async Task TwoNodesWithTheJobOnRunEachDailySlotOnce()
    {
        var shared = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = PostgresTestServer.CreateDatabase(), ["Reporting:StatusResync:Enabled"] = "true",
        };
        // 22/11/2026 10:00 in Vietnam: today's 02:00 slot has passed and was never handled, so one node catches it up.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        using var a = new TrainingApp(database: TestDatabase.Postgres, settings: shared).WithServices(s => s.AddSingleton<TimeProvider>(clock));
        using var b = new TrainingApp(database: TestDatabase.Postgres, settings: shared).WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        await WaitForFinishedRunsAsync(a, 1);
        // Either node asking again (a restart, the other node's turn) finds the slot handled.
        Assert.Null(await RunAsync(a));
        Assert.Null(await RunAsync(b));

        clock.Advance(TimeSpan.FromDays(1)); // the holder's timer fires at the next 02:00
        await WaitForFinishedRunsAsync(a, 2);
        Assert.Null(await RunAsync(b));
        var slots = await a.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().ResyncRuns.AsNoTracking().Select(r => r.Slot).ToListAsync());
        Assert.Equal([new DateTimeOffset(2026, 11, 21, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 19, 0, 0, TimeSpan.Zero)],
            slots.Select(s => s.ToUniversalTime()).Order());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ARosterChangeOfMoreThanOneBatchOfPeopleIsAppliedCompletely(TestDatabase database)
    {
        using var world = await RealWorld.CreateAsync(database);
        const int count = StatusWalk.BatchSize * 2 + 500;
        var ids = await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var users = Enumerable.Range(1, count).Select(i => new TrainingUser
            {
                UserName = $"gv{i:00000}", NormalizedUserName = $"GV{i:00000}", FullName = $"Giáo viên {i}", StaffCode = $"GV{i:00000}",
                StaffCategory = "giáo viên", PrimaryUnitId = world.School2.Id, CreatedAt = RealWorld.Now, SecurityStamp = Guid.NewGuid().ToString(),
            }).ToList();
            db.Users.AddRange(users);
            db.Memberships.AddRange(users.Select(u => new UnitMembership { UserId = u.Id, UnitId = world.School2.Id, IsPrimary = true }));
            await db.SaveChangesAsync();
            return users.Select(u => u.Id).ToList();
        });

        var before = await StaffChangedMessagesAsync(world);

        await world.App.WithScopeAsync(async sp =>
        {
            foreach (var listener in sp.GetServices<IRosterChangeListener>()) await listener.PeopleChangedAsync(ids, "import");
        });

        var messages = await StaffChangedMessagesAsync(world) - before;
        await world.DrainAsync();
        var staff = await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Staff.CountAsync(s => s.UnitId == world.School2.Id));
        Assert.Equal(count + 3, staff); // t2a, t2b and k were there already
        Assert.Equal((3, 8 + count), await DashboardTotalAsync(world));
        Assert.Equal(3, messages); // 2,000 + 2,000 + 500 people
    }

    private static Task<int> StaffChangedMessagesAsync(RealWorld world) => world.App.WithScopeAsync(sp =>
        sp.GetRequiredService<ReportingDbContext>().Outbox.CountAsync(m => m.Type == typeof(StaffChanged).FullName));

    private static Task<ResyncRun?> RunAsync(TrainingApp app) =>
        app.Services.GetServices<ISingletonJob>().OfType<StatusResyncJob>().Single().RunDueAsync();

    private static async Task WaitForFinishedRunsAsync(TrainingApp app, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await app.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().ResyncRuns.CountAsync(r => r.FinishedAt != null)) < count)
        {
            Assert.True(DateTime.UtcNow < until, $"{count} finished re-sync run(s) were not recorded within 60 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Both status tables as text, without the update times.</summary>
    private static Task<List<string>> TablesAsync(RealWorld world) => world.App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ReportingDbContext>();
        var statuses = (await db.PersonStatuses.AsNoTracking().ToListAsync())
            .Select(s => $"{s.UserId} {s.ProgrammeId} {s.UnitId} {s.Category} {s.Posts} {s.ValidFrom} {s.ValidUntil} {s.RevokedOn} {s.CertificateId} {s.IssuedOn} {s.SerialNumber} {s.Certificates}");
        var staff = (await db.Staff.AsNoTracking().ToListAsync()).Select(s => $"{s.UserId} {s.UnitId} {s.Category} {s.Posts}");
        return statuses.Concat(staff).Order(StringComparer.Ordinal).ToList();
    });

    private static async Task<string> PlansPageAsync(RealWorld world)
    {
        var response = await world.Admin.GetAsync("/hr/plans");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/hr/plans: {(int)response.StatusCode} {response.Headers.Location}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The selected unit's total counted from the status rows (the dashboard's fallback when the totals cannot answer).</summary>
    private static Task<(int Certified, int Population)> StatusTotalAsync(RealWorld world) => world.App.WithScopeAsync(async sp =>
    {
        var target = await sp.GetRequiredService<ReportingDbContext>().Targets.AsNoTracking().Include(t => t.Milestones).SingleAsync(t => t.Id == world.TargetId);
        var data = await sp.GetRequiredService<Training.Reporting.Coverage.TargetDataLoader>().LoadShapeAsync(target, CancellationToken.None);
        var report = await sp.GetRequiredService<Training.Reporting.Coverage.ReportingQueries>().FromStatusAsync(data, Training.Abstractions.Organisation.UnitScope.Everything, null, new DateOnly(2026, 11, 22));
        return (report.Selected!.Now.Certified, report.Selected.Now.Population);
    });

    private static async Task<(int Certified, int Population)> DashboardTotalAsync(RealWorld world)
    {
        var response = await world.Admin.GetAsync($"/hr/plans/targets/{world.TargetId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var m = System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), @"<p class=""big"">[^<]*</p><p>(\d+) / (\d+) người</p>");
        Assert.True(m.Success, "The dashboard shows no total.");
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
    }
}
