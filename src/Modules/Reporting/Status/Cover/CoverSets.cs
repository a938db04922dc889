using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Certificates;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>The programme sets the cover tables are built for: one per distinct set of programmes among the measured
/// targets (codes resolved through the ledger, as the dashboard resolves them).</summary>
public static class CoverSets
{
    public static string KeyOf(IEnumerable<Guid> programmeIds) => string.Join(",", programmeIds.Distinct().Order().Select(id => id.ToString("D")));

    /// <summary>The programme ids of each wanted set, by key.</summary>
    public static async Task<Dictionary<string, List<Guid>>> WantedAsync(ReportingDbContext db, ICertificateLedger? ledger, CancellationToken ct)
    {
        if (ledger is null) return [];
        var programmes = await ledger.GetProgrammesAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Kind != TargetKind.NotMeasured).Select(t => t.ProgrammeCodes).Distinct().ToListAsync(ct);
        var wanted = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var codes in targets)
        {
            var list = new PlanTarget { ProgrammeCodes = codes }.ProgrammeCodeList;
            var ids = programmes.Where(p => list.Contains(p.Code, StringComparer.OrdinalIgnoreCase)).Select(p => p.Id).Distinct().Order().ToList();
            if (ids.Count > 0) wanted[KeyOf(ids)] = ids;
        }
        return wanted;
    }

    public static List<Guid> IdsOf(string key) => key.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}
