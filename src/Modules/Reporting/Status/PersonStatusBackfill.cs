using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Rebuilds <c>rpt_staff</c> and <c>rpt_person_status</c> (and the cover tables derived from them) from the roster and the whole certificate history, set
/// by set: everything is read and computed first (through the contracts), then both tables are replaced in one short
/// write transaction. Used at the first start on existing data (<see cref="StatusBackfillStartup"/>), after demo seeding, by the
/// <c>rebuild-reporting-status</c> verb and by the benchmarks. Entry point: <see cref="RebuildAsync"/>.</summary>
public sealed class PersonStatusBackfill(ReportingDbContext db, IOrgDirectory directory, IServiceProvider services, TimeProvider clock, CoverBuilder cover)
{
    /// <summary>Returns the number of status rows written.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        var people = await directory.GetPeopleAsync(new PeopleQuery(null), ct);
        var facts = await FactsAsync(ct);
        var now = clock.GetUtcNow();
        var tree = new UnitTree(await directory.GetUnitsAsync(ct));
        var staff = people.SelectMany(p => StatusRules.Staff(p, now)).ToList();
        CoverDepths.AssignAll(staff, tree);
        var statuses = people.SelectMany(p => StatusRules.Statuses(p, facts[p.UserId], now)).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.PersonStatuses.ExecuteDeleteAsync(ct);
            await db.Staff.ExecuteDeleteAsync(ct);
            await BulkWriter.InsertAsync(db, staff, ct);
            await BulkWriter.InsertAsync(db, statuses, ct);
            // The dashboards' totals are derived in SQL from the rows just written, in the same transaction.
            await cover.RebuildInTransactionAsync(tree, staffCurrent: true, ct);
            await tx.CommitAsync(ct);
        });
        await cover.AnalyzeAsync(ct);
        return statuses.Count;
    }

    private async Task<ILookup<string, CertificateFact>> FactsAsync(CancellationToken ct)
    {
        if (services.GetService<ICertificateLedger>() is not { } ledger) return Array.Empty<CertificateFact>().ToLookup(f => f.UserId);
        var programmes = await ledger.GetProgrammesAsync(ct);
        var facts = programmes.Count == 0 ? [] : await ledger.GetFactsAsync(programmes.Select(p => p.Id).ToList(), ct);
        return facts.ToLookup(f => f.UserId, StringComparer.Ordinal);
    }
}
