using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;

namespace Training.Certification.Cycles;

/// <summary>A holder's current certificate in a programme: the one a new cycle would follow.</summary>
public sealed record Holding(Guid CertificateId, string UserId, int Cycle, DateOnly? ExpiresOn);

/// <summary>Who holds a programme's certificate on a day: per person, the highest cycle among certificates that are
/// neither revoked, superseded (a reissue replaced them) nor expired. One projected read, no tracking.</summary>
public static class CycleHolders
{
    public static async Task<List<Holding>> OnAsync(CertificationDbContext db, Guid programmeId, DateOnly day, CancellationToken ct)
    {
        var valid = await db.Certificates.AsNoTracking()
            .Where(c => c.ProgrammeId == programmeId && c.RevokedOn == null && c.SupersededById == null && c.IssuedOn <= day
                && (c.ExpiresOn == null || c.ExpiresOn >= day))
            .Select(c => new Holding(c.Id, c.UserId, c.Cycle, c.ExpiresOn))
            .ToListAsync(ct);
        return valid.GroupBy(h => h.UserId, StringComparer.Ordinal).Select(g => g.MaxBy(h => h.Cycle)!).ToList();
    }
}
