using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cluster;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;
using Training.Organisation.Roster;
using Training.Reporting.Status;

namespace Training.Reporting.Tests.Cover;

/// <summary>Issue 13 item 5: the dashboard read from the cover totals gives exactly the report counted from the status
/// rows, at every unit of random trees, for every kind of target; the totals that events keep equal the rebuilt ones;
/// a changed tree falls back to the status rows until the re-sync rebuilds.</summary>
public sealed class CoverTotalsTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite, 1)]
    [InlineData(TestDatabase.Sqlite, 2)]
    [InlineData(TestDatabase.Postgres, 3)]
    [InlineData(TestDatabase.Postgres, 4)]
    public async Task TheTotalsGiveTheStatusRowsReportAtEveryUnitForEveryTarget(TestDatabase database, int seed)
    {
        using var world = await CoverWorld.CreateAsync(database, seed);
        await AssertSameReportsAsync(world);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AViewerScopedToASubtreeGetsTheSameReportFromTheTotals(TestDatabase database)
    {
        using var world = await CoverWorld.CreateAsync(database, 5);
        var so = world.Units.First(u => u.ParentId == world.Units[0].Id);
        var scope = new UnitScope(false, so.Id, world.Units.Where(u => u.Path.StartsWith(so.Path)).Select(u => u.Id).ToHashSet());
        foreach (var target in world.Targets)
        {
            foreach (var unit in new Guid?[] { null, so.Id })
            {
                var (cover, used, status) = await world.ReportsAsync(target, unit ?? so.Id, scope);
                Assert.True(used, "The totals did not answer.");
                Assert.Equal(status, cover);
            }
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheTablesEventsKeepEqualTheRebuiltTablesAfterCertificatesAndRosterChanges(TestDatabase database)
    {
        using var world = await CoverWorld.CreateAsync(database, 6);
        var r = world.Random;
        for (var round = 0; round < 4; round++)
        {
            var touched = new HashSet<string>();
            // New certificates (some expiring this month), revocations of current ones.
            foreach (var _ in Enumerable.Range(0, 12)) touched.Add(world.Certify(world.People[r.Next(world.People.Count)]).UserId);
            foreach (var _ in Enumerable.Range(0, 4))
            {
                var i = r.Next(world.Ledger.Facts.Count);
                var fact = world.Ledger.Facts[i];
                if (fact.RevokedOn is not null) continue;
                world.Ledger.Facts[i] = fact with { RevokedOn = CoverWorld.Today.AddDays(-r.Next(0, 60)) };
                touched.Add(fact.UserId);
            }
            // Roster: a move, a second post, a leaver, a new category.
            touched.UnionWith(await world.App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<OrganisationDbContext>();
                var (mover, second, leaver, recat) = (Pick(), Pick(), Pick(), Pick());
                var post = await db.Memberships.FirstAsync(m => m.UserId == mover);
                db.Memberships.Remove(post);
                db.Memberships.Add(new UnitMembership { UserId = mover, UnitId = OtherUnit(post.UnitId), IsPrimary = post.IsPrimary });
                var held = await db.Memberships.Where(m => m.UserId == second).Select(m => m.UnitId).ToListAsync();
                var extra = world.Units.Select(u => u.Id).FirstOrDefault(u => !held.Contains(u) && r.Next(3) == 0);
                if (extra != Guid.Empty) db.Memberships.Add(new UnitMembership { UserId = second, UnitId = extra });
                (await db.Users.SingleAsync(u => u.Id == leaver)).IsActive = false;
                (await db.Users.SingleAsync(u => u.Id == recat)).StaffCategory = "nhân viên";
                await db.SaveChangesAsync();
                return new[] { mover, second, leaver, recat };
            }));
            await world.RefreshAsync(touched.ToList());
            await AssertSameReportsAsync(world, everyUnit: round == 3);
        }
        var kept = await world.TablesAsync();
        await world.RebuildAsync();
        var rebuilt = await world.TablesAsync();
        Assert.Equal(rebuilt, kept);

        string Pick() => world.People[r.Next(world.People.Count)];
        Guid OtherUnit(Guid not) => world.Units.Where(u => u.Id != not).ElementAt(r.Next(world.Units.Count - 1)).Id;
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ConcurrentRefreshesOfTheSamePeopleKeepTheTotalsExact(TestDatabase database)
    {
        using var world = await CoverWorld.CreateAsync(database, 9, people: 80);
        var walk = world.App.Services.GetRequiredService<StatusWalk>();
        for (var round = 0; round < 3; round++)
        {
            // Revocations change existing status rows only (no insert that a second writer would collide on).
            var facts = world.Ledger.Facts.Where(f => f.RevokedOn is null).OrderBy(_ => world.Random.Next()).DistinctBy(f => f.UserId).Take(20).ToList();
            foreach (var fact in facts) world.Ledger.Facts[world.Ledger.Facts.IndexOf(fact)] = fact with { RevokedOn = CoverWorld.Today.AddDays(-round - 1) };
            var people = facts.Select(f => f.UserId).ToList();
            // Three walks over the same people at once (an event handler and the re-sync meeting): each person's part of
            // the totals must be moved once per change, whoever gets there first.
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => walk.RefreshAsync(people, CancellationToken.None))));
        }
        var kept = await world.TablesAsync();
        await world.RebuildAsync();
        Assert.Equal(await world.TablesAsync(), kept);
        await AssertSameReportsAsync(world, everyUnit: false);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AChangedTreeFallsBackToTheStatusRowsUntilTheResyncRebuilds(TestDatabase database)
    {
        using var world = await CoverWorld.CreateAsync(database, 7);
        var target = world.Targets[1];
        Assert.True((await world.ReportsAsync(target, null, UnitScope.Everything)).UsedTotals);

        // A school moves to another Sở: the totals describe the old tree.
        var sos = world.Units.Where(u => u.ParentId == world.Units[0].Id).ToList();
        var school = world.Units.First(u => u.Depth == 2);
        var to = sos.First(s => s.Id != school.ParentId);
        await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            (await db.Units.SingleAsync(u => u.Id == school.Id)).ParentId = to.Id;
            await db.SaveChangesAsync();
        });
        var (cover, used, status) = await world.ReportsAsync(target, null, UnitScope.Everything);
        Assert.False(used, "The totals answered for a tree they were not built for.");
        Assert.Equal(status, cover);
        // An event meanwhile keeps the totals of the tree they were built for.
        var someone = world.People[3];
        world.Certify(someone);
        await world.RefreshAsync([someone]);

        // The daily re-sync rebuilds first (the tree changed), then walks everyone.
        var run = await world.App.Services.GetServices<ISingletonJob>().OfType<StatusResyncJob>().Single().RunDueAsync();
        Assert.NotNull(run?.FinishedAt);
        await AssertSameReportsAsync(world);
        var kept = await world.TablesAsync();
        await world.RebuildAsync();
        Assert.Equal(await world.TablesAsync(), kept);
        Assert.Equal("cover tables current", await world.App.WithScopeAsync(sp => sp.GetRequiredService<CoverBuilder>().EnsureAsync(CancellationToken.None)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ARosterImportThatCreatesUnitsRebuildsTheTotalsForTheNewTreeWithoutWaitingForTheResync(TestDatabase database)
    {
        using var world = await CoverWorld.CreateAsync(database, 8);
        var target = world.Targets[1];
        Assert.True((await world.ReportsAsync(target, null, UnitScope.Everything)).UsedTotals);

        // An import that would create a unit but is not confirmed writes nothing and asks for nothing.
        const string csv = "Mã cán bộ,Họ và tên,Đơn vị,Đối tượng\nNV900,Nguyễn Văn Mới,Tỉnh > Sở 1 > Trường Mới Lập,giáo viên\n";
        Task<RosterImportResult> ImportAsync(RosterImportOptions how) => world.App.WithScopeAsync(sp => sp.GetRequiredService<RosterImporter>()
            .ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), RosterAuthority.System, how));
        Assert.True((await ImportAsync(new RosterImportOptions())).NeedsConfirmation);
        Assert.Equal(0, await CoverRequestsAsync(world));

        // A request already written and not handled (on SQLite one being handled looks the same, and it may have read the
        // tree before the import): the import still asks for its own.
        var earlier = Guid.NewGuid();
        await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.ReportingDbContext>();
            Training.Platform.Outbox.OutboxWriter.Enqueue(db, new CoverSetsWanted(earlier, CoverWorld.Now.AddDays(1)));
            await db.SaveChangesAsync();
        });

        var imported = await ImportAsync(RosterImportOptions.CreatingUnits);
        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors.Select(e => e.Message)));
        Assert.Equal(1, imported.UnitsCreated);
        Assert.Equal(2, await CoverRequestsAsync(world));
        await world.App.WithScopeAsync(sp => sp.GetRequiredService<Data.ReportingDbContext>().Outbox.Where(m => m.Id == earlier)
            .ExecuteUpdateAsync(x => x.SetProperty(m => m.NextAttemptAt, CoverWorld.Now)));
        await world.App.DrainOutboxesAsync(TimeSpan.FromMinutes(1));

        // Rebuilt for the new tree, with the new person counted: the totals answer again, exactly.
        Assert.Equal("cover tables current", await world.App.WithScopeAsync(sp => sp.GetRequiredService<CoverBuilder>().EnsureAsync(CancellationToken.None)));
        var (cover, used, status) = await world.ReportsAsync(target, null, UnitScope.Everything);
        Assert.True(used, "The totals did not answer after the rebuild.");
        Assert.Equal(status, cover);
        var (newcomer, school) = await world.App.WithScopeAsync(async sp => await sp.GetRequiredService<OrganisationDbContext>().Users
            .Where(u => u.StaffCode == "NV900").Select(u => new Tuple<string, Guid?>(u.Id, u.PrimaryUnitId)).SingleAsync());
        Assert.Equal(school, (await world.App.WithScopeAsync(sp => sp.GetRequiredService<Data.ReportingDbContext>().Staff.SingleAsync(s => s.UserId == newcomer))).UnitId);
        Assert.False(world.Units.Any(u => u.Id == school), "The import did not put the newcomer in the new unit.");
    }

    private static Task<int> CoverRequestsAsync(CoverWorld world) => world.App.WithScopeAsync(sp => sp.GetRequiredService<Data.ReportingDbContext>().Outbox
        .CountAsync(m => m.Type == typeof(CoverSetsWanted).FullName));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ATargetWithANewProgrammeSetCountsFromTheStatusRowsUntilItsSetIsBuilt(TestDatabase database)
    {
        using var world = await CoverWorld.CreateAsync(database, 8, people: 60);
        var target = world.Targets[0];
        await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.ReportingDbContext>();
            (await db.Targets.SingleAsync(t => t.Id == target.Id)).ProgrammeCodes = "CT-B;CT-A;CT-X";
            await db.SaveChangesAsync();
        });
        target.ProgrammeCodes = "CT-B;CT-A;CT-X";
        world.Ledger.AddProgramme("CT-X", "X-01");
        var (cover, used, status) = await world.ReportsAsync(target, null, UnitScope.Everything);
        Assert.False(used, "A set that was never built answered.");
        Assert.Equal(status, cover);
        // The set of "CT-A" alone, which no target uses any more, is dropped in the same step, with its rows.
        var before = await SetKeysAsync(world);
        Assert.Equal("cover sets built: 1; dropped: 1", await world.App.WithScopeAsync(sp => sp.GetRequiredService<CoverBuilder>().EnsureAsync(CancellationToken.None)));
        (cover, used, status) = await world.ReportsAsync(target, null, UnitScope.Everything);
        Assert.True(used, "The new set was not used once built.");
        Assert.Equal(status, cover);
        var after = await SetKeysAsync(world);
        Assert.Equal(before.Count, after.Count);
        var dropped = Assert.Single(before.Except(after));
        Assert.Equal(0, await world.App.WithScopeAsync(sp => sp.GetRequiredService<Data.ReportingDbContext>().CoverSets.CountAsync(s => s.ProgrammeKey == dropped)));
        var orphanRows = await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.ReportingDbContext>();
            var ids = await db.CoverSets.Select(s => s.Id).ToListAsync();
            return await db.Cover.CountAsync(r => !ids.Contains(r.SetId)) + await db.CoverTotals.CountAsync(t => !ids.Contains(t.SetId));
        });
        Assert.Equal(0, orphanRows);
        foreach (var other in world.Targets.Where(t => t != target))
        {
            (cover, used, status) = await world.ReportsAsync(other, null, UnitScope.Everything);
            Assert.True(used, "A kept set stopped answering.");
            Assert.Equal(status, cover);
        }
        Assert.Equal("cover tables current", await world.App.WithScopeAsync(sp => sp.GetRequiredService<CoverBuilder>().EnsureAsync(CancellationToken.None)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DeletingTheOnlyTargetOfASetDropsTheSetAfterOneDispatch(TestDatabase database)
    {
        using var world = await CoverWorld.CreateAsync(database, 9, people: 40);
        var before = await SetKeysAsync(world);
        // Targets[3] ("CT-B", nhân viên) is the only one with CT-B alone.
        await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.ReportingDbContext>();
            var plan = await db.Plans.Include(p => p.Targets).SingleAsync();
            await sp.GetRequiredService<Planning.PlanEditor>().DeleteTargetAsync(plan, plan.Targets.Single(t => t.Id == world.Targets[3].Id), CancellationToken.None);
        });
        await world.App.DrainOutboxesAsync(TimeSpan.FromMinutes(1));

        var after = await SetKeysAsync(world);
        Assert.Equal(before.Count - 1, after.Count);
        foreach (var target in world.Targets.Take(3))
        {
            var (cover, used, status) = await world.ReportsAsync(target, null, UnitScope.Everything);
            Assert.True(used, "A kept set stopped answering.");
            Assert.Equal(status, cover);
        }
    }

    private static Task<List<string>> SetKeysAsync(CoverWorld world) =>
        world.App.WithScopeAsync(sp => sp.GetRequiredService<Data.ReportingDbContext>().CoverSets.Select(s => s.ProgrammeKey).ToListAsync());

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task SavingATargetOnItsPageBuildsItsSetAndTheDashboardReadsTheTotals(TestDatabase database)
    {
        // RealWorld creates its target on the plan page, then lets the outboxes deliver.
        using var world = await RealModules.RealWorld.CreateAsync(database);
        var sets = await world.App.WithScopeAsync(sp => sp.GetRequiredService<Data.ReportingDbContext>().CoverSets.AsNoTracking().ToListAsync());
        Assert.NotNull(Assert.Single(sets).BuiltAt);
        var used = await world.App.WithScopeAsync(async sp =>
        {
            var target = await sp.GetRequiredService<Data.ReportingDbContext>().Targets.AsNoTracking().Include(t => t.Milestones).SingleAsync(t => t.Id == world.TargetId);
            var data = await sp.GetRequiredService<Training.Reporting.Coverage.TargetDataLoader>().LoadShapeAsync(target, CancellationToken.None);
            return await sp.GetRequiredService<Training.Reporting.Coverage.CoverCounts>().LoadAsync(data, world.So.Id, target.CategoryList,
                Training.Reporting.Coverage.TargetReportBuilder.Days(target, CoverWorld.Today), CoverWorld.Today, CancellationToken.None);
        });
        Assert.NotNull(used);
        Assert.Equal(8, used.Counts(new Dictionary<Guid, Guid?>(), new HashSet<Guid>()).Population(world.So.Id));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AnUpgradedSiteBuildsItsTotalsInTheBackgroundAfterStartingAndCountsFromTheStatusRowsMeanwhile(TestDatabase database)
    {
        using var world = await CoverWorld.CreateAsync(database, 10, people: 40);
        var target = world.Targets[1];
        // Status tables filled, no cover tables: a site upgraded from before them.
        await world.App.WithScopeAsync(sp => sp.GetRequiredService<Data.ReportingDbContext>().CoverTrees.ExecuteDeleteAsync());
        var (cover, used, status) = await world.ReportsAsync(target, null, UnitScope.Everything);
        Assert.False(used, "Totals answered with no tree built.");
        Assert.Equal(status, cover);

        await world.App.WithScopeAsync(sp => sp.GetServices<Training.Abstractions.Hosting.IStartupTask>().OfType<StatusBackfillStartup>().Single()
            .RunAsync(sp, CancellationToken.None));
        await world.App.DrainOutboxesAsync(TimeSpan.FromSeconds(30), typeof(Data.ReportingDbContext));
        (cover, used, status) = await world.ReportsAsync(target, null, UnitScope.Everything);
        Assert.True(used, "The totals were not built after the start.");
        Assert.Equal(status, cover);
    }

    /// <summary>Every target at every unit (or the root and its children), everything in scope.</summary>
    private static async Task AssertSameReportsAsync(CoverWorld world, bool everyUnit = true)
    {
        var units = everyUnit ? world.Units : world.Units.Where(u => u.Depth <= 1).ToList();
        foreach (var target in world.Targets)
        foreach (var unit in units)
        {
            var (cover, used, status) = await world.ReportsAsync(target, unit.Id, UnitScope.Everything);
            Assert.True(used, $"The totals did not answer for {unit.Name}.");
            Assert.Equal(status, cover);
        }
    }
}
