using Microsoft.EntityFrameworkCore;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Keeps the cover tables equal to a rebuild while <see cref="StatusRefresher"/> rewrites some people's rows,
/// in the same transaction: <see cref="BeforeAsync"/> subtracts the people's current posts and cover rows from the
/// population and totals and removes their cover rows; the status rows are saved; <see cref="AfterAsync"/> derives
/// their new cover rows in SQL and adds them back, then drops totals that reached nothing. On PostgreSQL the
/// transaction holds the cover lock shared (a rebuild waits) and a lock per person, so two refreshes of one person
/// never subtract the same rows twice.</summary>
public sealed class CoverMaintenance(ReportingDbContext db, CoverBuilder builder)
{
    /// <summary>When the cover tables were built (null: not built), read before the refresh computed depths.</summary>
    internal Task<DateTimeOffset?> BuiltAtAsync(CancellationToken ct) =>
        db.CoverTrees.AsNoTracking().Where(t => t.Id == CoverTree.OnlyId).Select(t => (DateTimeOffset?)t.BuiltAt).FirstOrDefaultAsync(ct);

    /// <summary>The tree the totals were built for, around these units (empty when nothing is built).</summary>
    internal async Task<UnitTree> TreeAsync(IReadOnlyCollection<Guid> units, CancellationToken ct)
    {
        var ids = units.Distinct().ToList();
        return UnitTree.FromClosure(ids.Count == 0 ? [] : await db.UnitClosure.AsNoTracking().Where(k => ids.Contains(k.UnitId)).ToListAsync(ct));
    }

    /// <summary>Returns the built sets to maintain (none when nothing is built).</summary>
    internal async Task<List<CoverSet>> BeforeAsync(IReadOnlyCollection<string> users, DateTimeOffset? builtAt, CancellationToken ct)
    {
        await builder.LockAsync(shared: true, ct);
        if (db.Database.IsNpgsql())
        {
            var sql = new CoverSql(db);
            await sql.ExecuteAsync($"SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(u, {CoverBuilder.LockKey}) AS h FROM unnest({sql.P(users.ToArray())}) AS u ORDER BY h) x", ct);
        }
        // A rebuild between the depths' computation and this lock: computed for another tree; the caller retries.
        if (await BuiltAtAsync(ct) != builtAt) throw new DbUpdateConcurrencyException("The cover tables were rebuilt during the refresh.");
        if (builtAt is null) return [];
        var sets = await db.CoverSets.AsNoTracking().Where(s => s.BuiltAt != null).OrderBy(s => s.Id).ToListAsync(ct);
        var population = new CoverSql(db);
        await population.ExecuteAsync(CoverStatements.UpsertPopulation(population, -1, users), ct);
        foreach (var set in sets)
        {
            var totals = new CoverSql(db);
            await totals.ExecuteAsync(CoverStatements.UpsertTotals(totals, set.Id, -1, users), ct);
            var cover = new CoverSql(db);
            await cover.ExecuteAsync(CoverStatements.DeleteCover(cover, set.Id, users), ct);
        }
        return sets;
    }

    /// <param name="units">The people's units before and after the refresh: their ancestors' empty totals are removed.</param>
    internal async Task AfterAsync(IReadOnlyCollection<string> users, IReadOnlyCollection<Guid> units, List<CoverSet> sets, CancellationToken ct)
    {
        var population = new CoverSql(db);
        await population.ExecuteAsync(CoverStatements.UpsertPopulation(population, 1, users), ct);
        foreach (var set in sets)
        {
            var insert = new CoverSql(db);
            await insert.ExecuteAsync(CoverStatements.InsertCover(insert, set.Id, CoverSets.IdsOf(set.ProgrammeKey), users), ct);
            var totals = new CoverSql(db);
            await totals.ExecuteAsync(CoverStatements.UpsertTotals(totals, set.Id, 1, users), ct);
            if (units.Count == 0) continue;
            var empty = new CoverSql(db);
            await empty.ExecuteAsync(CoverStatements.DeleteEmptyTotals(empty, set.Id, units), ct);
        }
        if (units.Count == 0) return;
        var emptyPopulation = new CoverSql(db);
        await emptyPopulation.ExecuteAsync(CoverStatements.DeleteEmptyPopulation(emptyPopulation, units), ct);
    }
}
