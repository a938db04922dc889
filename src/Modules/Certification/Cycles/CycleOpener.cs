using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Certificates;
using Training.Certification.Data;
using Training.Platform.Outbox;

namespace Training.Certification.Cycles;

/// <summary>One holder's new cycle to open: after which certificate, due when, counting completions from when.</summary>
public sealed record CycleOpening(Holding Holding, DateOnly DueOn, DateTimeOffset CountFrom);

/// <summary>Opens new certification cycles and publishes <see cref="RecertificationOpened"/> for each through the outbox,
/// in one short transaction per call. Which cycles already exist is read before the transaction; the unique
/// (person, programme, cycle) index catches a concurrent opener, after which the plan is made again. Idempotent: a cycle
/// that is already open is left as it is (whoever opened it first, for whatever reason, wins).</summary>
public sealed class CycleOpener(CertificationDbContext db, TimeProvider clock, ILogger<CycleOpener> log)
{
    private const int Attempts = 3;

    /// <summary>Returns how many cycles this call opened.</summary>
    public async Task<int> OpenAsync(Programme programme, IReadOnlyList<CycleOpening> openings, string reason, string actor, CancellationToken ct)
    {
        if (openings.Count == 0) return 0;
        for (var attempt = 1; ; attempt++)
        {
            var rows = await PlanAsync(programme, openings, reason, actor, ct);
            if (rows.Count == 0) return 0;
            try
            {
                await WriteAsync(programme, rows, ct);
                log.LogInformation("Opened {Count} {Reason} cycles of programme {Programme}", rows.Count, reason, programme.Code);
                return rows.Count;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another node or request opened some of these cycles between the plan and the write: plan again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<List<(CertificationCycle Row, Holding Holding)>> PlanAsync(Programme programme, IReadOnlyList<CycleOpening> openings,
        string reason, string actor, CancellationToken ct)
    {
        var userIds = openings.Select(o => o.Holding.UserId).Distinct().ToList();
        var open = (await db.Cycles.AsNoTracking().Where(c => c.ProgrammeId == programme.Id && userIds.Contains(c.UserId))
                .Select(c => new { c.UserId, c.Cycle }).ToListAsync(ct))
            .Select(c => (c.UserId, c.Cycle)).ToHashSet();
        var now = clock.GetUtcNow().ToUniversalTime();
        return openings
            .Where(o => !open.Contains((o.Holding.UserId, o.Holding.Cycle + 1)))
            .DistinctBy(o => o.Holding.UserId, StringComparer.Ordinal)
            .Select(o => (new CertificationCycle
            {
                Id = Guid.NewGuid(), UserId = o.Holding.UserId, ProgrammeId = programme.Id, Cycle = o.Holding.Cycle + 1,
                PreviousCertificateId = o.Holding.CertificateId, Reason = reason, OpenedAt = now, CountFrom = o.CountFrom.ToUniversalTime(),
                DueOn = o.DueOn, OpenedBy = actor,
            }, o.Holding))
            .ToList();
    }

    private async Task WriteAsync(Programme programme, List<(CertificationCycle Row, Holding Holding)> rows, CancellationToken ct)
    {
        var codes = programme.CourseCodeList.ToArray();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (row, holding) in rows)
        {
            db.Cycles.Add(row);
            db.Enqueue(new RecertificationOpened(Guid.NewGuid(), row.OpenedAt, row.UserId, programme.Id, programme.Name, holding.CertificateId,
                row.Cycle, codes, row.DueOn, row.Reason));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
