using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Certificates;
using Training.Certification.Data;

namespace Training.Certification;

/// <summary>Programmes (their courses by code, as they are defined) and the certificate history, for reporting and
/// the other modules.</summary>
internal sealed class CertificateLedger(CertificationDbContext db) : ICertificateLedger, ICertificateHistory
{
    public async Task<IReadOnlyList<ProgrammeInfo>> GetProgrammesAsync(CancellationToken ct = default) =>
        (await db.Programmes.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct))
        .Select(p => new ProgrammeInfo(p.Id, p.Code, p.Name, p.ValidityMonths)
        {
            CourseCodes = p.CourseCodeList,
        })
        .ToList();

    public async Task<IReadOnlyList<CertificateFact>> GetFactsAsync(IReadOnlyCollection<Guid> programmeIds, CancellationToken ct = default)
    {
        var ids = programmeIds.ToList();
        return await Facts(db.Certificates.Where(c => ids.Contains(c.ProgrammeId))).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CertificateFact>> GetFactsOfPeopleAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? [] : await Facts(db.Certificates.Where(c => ids.Contains(c.UserId))).ToListAsync(ct);
    }

    private static IQueryable<CertificateFact> Facts(IQueryable<Certificate> certificates) =>
        certificates.AsNoTracking().Select(c => new CertificateFact(c.Id, c.UserId, c.ProgrammeId, c.IssuedOn, c.ExpiresOn, c.RevokedOn,
            c.SupersededOn, c.SerialNumber, c.VerificationCode) { Source = c.Source });
}
