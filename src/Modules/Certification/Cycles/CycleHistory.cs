using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;

namespace Training.Certification.Cycles;

/// <summary>One line of a holder's cycle history in a programme: the cycle, how it opened (first certification,
/// window opened, course updated, after a revocation), when it was due, and the certificate that closed it (if any).</summary>
public sealed record CycleLine(Guid ProgrammeId, string ProgrammeName, int Cycle, string Opening, DateTimeOffset? OpenedAt, DateOnly? DueOn,
    Certificate? Certificate);

/// <summary>The history of a person's cycles, read from the opened cycles and the certificates (the latest revision of
/// each cycle); shown to the holder and to HR.</summary>
public static class CycleHistory
{
    public static async Task<List<CycleLine>> OfAsync(CertificationDbContext db, string userId, Guid? programmeId, CancellationToken ct)
    {
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.UserId == userId && (programmeId == null || c.ProgrammeId == programmeId)).ToListAsync(ct);
        var cycles = await db.Cycles.AsNoTracking()
            .Where(c => c.UserId == userId && (programmeId == null || c.ProgrammeId == programmeId)).ToListAsync(ct);
        var names = await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var byCycle = certificates.GroupBy(c => (c.ProgrammeId, c.Cycle)).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Revision)!);
        var opened = cycles.ToDictionary(c => (c.ProgrammeId, c.Cycle));
        return byCycle.Keys.Union(opened.Keys)
            .Select(k => new CycleLine(k.ProgrammeId, names.GetValueOrDefault(k.ProgrammeId, ""), k.Cycle,
                opened.TryGetValue(k, out var o) ? o.Reason : k.Cycle == 1 ? "first" : "renewal",
                o?.OpenedAt, o?.DueOn, byCycle.GetValueOrDefault(k)))
            .OrderBy(l => l.ProgrammeName).ThenByDescending(l => l.Cycle).ToList();
    }

    /// <summary>Vietnamese text of how a cycle opened.</summary>
    public static string OpeningText(string opening) => opening switch
    {
        "expiry" => "Đến kỳ cấp lại (sắp hết hạn)",
        "course-updated" => "Khóa học được cập nhật",
        "first" => "Cấp lần đầu",
        _ => "Cấp lại",
    };
}
