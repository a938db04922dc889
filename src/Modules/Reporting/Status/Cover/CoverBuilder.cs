using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Builds the cover tables in SQL from the status tables: the closure of the directory's tree, the population,
/// and each wanted programme set's cover rows and totals. <see cref="RebuildInTransactionAsync"/> runs inside the caller's
/// transaction (the status backfill's, so both appear at once); <see cref="EnsureAsync"/> (the daily re-sync) rebuilds
/// when the tree changed and builds the sets that are missing. On PostgreSQL a rebuild holds an exclusive advisory lock
/// that every refresh takes shared, so no refresh adds to totals a rebuild is replacing.</summary>
public sealed class CoverBuilder(ReportingDbContext db, IOrgDirectory directory, IServiceProvider services, TimeProvider clock)
{
    internal const long LockKey = 0x7270_7463_6F76; // "rptcov"

    /// <summary>Everything, inside the caller's transaction. <paramref name="staffCurrent"/>: the staff rows were just
    /// written with depths of this tree (the backfill); otherwise the depths of people with several posts are recomputed.</summary>
    public async Task RebuildInTransactionAsync(UnitTree tree, bool staffCurrent, CancellationToken ct)
    {
        var wanted = await CoverSets.WantedAsync(db, services.GetService<ICertificateLedger>(), ct);
        await LockAsync(shared: false, ct);
        foreach (var table in new[] { "rpt_cover_totals", "rpt_cover", "rpt_cover_population", "rpt_unit_closure", "rpt_cover_tree" })
            await new CoverSql(db).ExecuteAsync($"DELETE FROM {table}", ct);
        await BulkWriter.InsertAsync(db, tree.Closure(), ct);
        if (!staffCurrent) await RecomputeDepthsAsync(tree, ct);
        var sql = new CoverSql(db);
        await sql.ExecuteAsync(CoverStatements.UpsertPopulation(sql, 1, null), ct);

        var sets = await db.CoverSets.ToListAsync(ct);
        db.CoverSets.RemoveRange(sets.Where(s => !wanted.ContainsKey(s.ProgrammeKey)));
        foreach (var key in wanted.Keys.Where(k => sets.All(s => s.ProgrammeKey != k))) db.CoverSets.Add(new CoverSet { ProgrammeKey = key });
        await db.SaveChangesAsync(ct);
        foreach (var set in await db.CoverSets.ToListAsync(ct)) await BuildSetAsync(set, ct);
        db.CoverTrees.Add(new CoverTree { Fingerprint = tree.Fingerprint, BuiltAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Rebuilds when the tree is not the one built (or nothing is built); else builds the wanted sets not built
    /// yet and drops the sets no target uses any more. Returns what it did, for the log. Everything is decided under the
    /// exclusive cover lock, so two calls at once (two nodes' dispatchers, the re-sync) never drop a set the other has just
    /// found wanted, nor find "current" what the other is about to drop.</summary>
    public async Task<string> EnsureAsync(CancellationToken ct)
    {
        // Organisation's own connection: read before the lock. A unit created after this read sends its own request.
        var tree = new UnitTree(await directory.GetUnitsAsync(ct));
        var outcome = "";
        var wrote = false;
        await InTransactionAsync(async () =>
        {
            await LockAsync(shared: false, ct);
            var built = await db.CoverTrees.AsNoTracking().Where(t => t.Id == CoverTree.OnlyId).Select(t => t.Fingerprint).FirstOrDefaultAsync(ct);
            if (built != tree.Fingerprint)
            {
                wrote = true;
                outcome = "cover tables rebuilt (the unit tree changed)";
                await RebuildInTransactionAsync(tree, staffCurrent: false, ct);
                return;
            }
            var wanted = await CoverSets.WantedAsync(db, services.GetService<ICertificateLedger>(), ct);
            var sets = await db.CoverSets.AsNoTracking().Select(s => new { s.Id, s.ProgrammeKey, s.BuiltAt }).ToListAsync(ct);
            var missing = wanted.Keys.Where(k => !sets.Any(s => s.BuiltAt != null && s.ProgrammeKey == k)).ToList();
            // Sets no target uses any more (a target's programmes changed, a plan was deleted): every refresh would keep
            // maintaining their rows for nothing.
            var unused = sets.Where(s => !wanted.ContainsKey(s.ProgrammeKey)).Select(s => s.Id).ToList();
            wrote = missing.Count > 0 || unused.Count > 0;
            outcome = !wrote ? "cover tables current" : $"cover sets built: {missing.Count}" + (unused.Count > 0 ? $"; dropped: {unused.Count}" : "");
            foreach (var id in unused) await DropSetAsync(id, ct);
            foreach (var key in missing)
            {
                var set = await db.CoverSets.FirstOrDefaultAsync(s => s.ProgrammeKey == key, ct) ?? db.CoverSets.Add(new CoverSet { ProgrammeKey = key }).Entity;
                await db.SaveChangesAsync(ct);
                await BuildSetAsync(set, ct);
            }
            await db.SaveChangesAsync(ct);
        }, ct);
        if (wrote) await AnalyzeAsync(ct);
        return outcome;
    }

    /// <summary>A set's cover rows, totals and row, inside the caller's transaction.</summary>
    private async Task DropSetAsync(int id, CancellationToken ct)
    {
        await DeleteRowsAsync(id, ct);
        await db.CoverSets.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>A set's totals and cover rows.</summary>
    private async Task DeleteRowsAsync(int set, CancellationToken ct)
    {
        var sql = new CoverSql(db);
        await sql.ExecuteAsync($"DELETE FROM rpt_cover_totals WHERE \"SetId\" = {sql.P(set)}", ct);
        sql = new CoverSql(db);
        await sql.ExecuteAsync($"DELETE FROM rpt_cover WHERE \"SetId\" = {sql.P(set)}", ct);
    }

    /// <summary>Everything again, in its own transaction: after the re-sync corrected drift written around the refresher
    /// (the totals were kept from the rows as they were, drift included).</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        var tree = new UnitTree(await directory.GetUnitsAsync(ct));
        await InTransactionAsync(() => RebuildInTransactionAsync(tree, staffCurrent: false, ct), ct);
        await AnalyzeAsync(ct);
    }

    /// <summary>One set's cover rows and totals (its old rows removed first).</summary>
    private async Task BuildSetAsync(CoverSet set, CancellationToken ct)
    {
        await DeleteRowsAsync(set.Id, ct);
        var sql = new CoverSql(db);
        await sql.ExecuteAsync(CoverStatements.InsertCover(sql, set.Id, CoverSets.IdsOf(set.ProgrammeKey), null), ct);
        sql = new CoverSql(db);
        await sql.ExecuteAsync(CoverStatements.UpsertTotals(sql, set.Id, 1, null), ct);
        set.BuiltAt = clock.GetUtcNow();
    }

    /// <summary>The depths of the posts of people with several posts, for this tree (people with one post have 0).</summary>
    private async Task RecomputeDepthsAsync(UnitTree tree, CancellationToken ct)
    {
        var posts = await db.Staff.AsNoTracking().Where(s => s.Posts > 1).ToListAsync(ct);
        CoverDepths.AssignAll(posts, tree);
        await db.Staff.Where(s => s.Posts > 1).ExecuteDeleteAsync(ct);
        await BulkWriter.InsertAsync(db, posts, ct);
    }

    /// <summary>On PostgreSQL, the cover lock for this transaction (SQLite has one writer: its write lock is enough).</summary>
    internal async Task LockAsync(bool shared, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        var sql = new CoverSql(db);
        await sql.ExecuteAsync($"SELECT {(shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock")}({sql.P(LockKey)})", ct);
        // A rebuild's commit is flushed before it returns, so the vacuum after it can mark every page all-visible (rows of
        // an asynchronous commit not yet flushed cannot be), which keeps the dashboard's reads index-only.
        if (!shared) await new CoverSql(db).ExecuteAsync("SET LOCAL synchronous_commit = on", ct);
    }

    /// <summary>After a bulk change (PostgreSQL, outside any transaction): fresh statistics, so the dashboard's plans see
    /// the new sizes, and a visibility map, so its reads of this month's cover rows stay in the indexes.</summary>
    public async Task AnalyzeAsync(CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        await new CoverSql(db).ExecuteAsync("VACUUM (ANALYZE) rpt_unit_closure, rpt_cover, rpt_cover_totals, rpt_cover_population, rpt_staff", ct);
        await db.Database.CloseConnectionAsync();
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
    }
}
