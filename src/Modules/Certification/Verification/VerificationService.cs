using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Pdf;
using Training.Platform.Time;

namespace Training.Certification.Verification;

/// <summary>Looks certificates up by verification code for the public page and API.</summary>
public sealed class VerificationService(CertificationDbContext db, TimeProvider clock, PublicUrls urls, VerificationCache cache, CertificateSignatures signatures)
{
    public enum Outcome { Malformed, Unknown, Found }

    public async Task<(Outcome Outcome, VerificationView? View, Certificate? Certificate)> FindAsync(string? code, CancellationToken ct)
    {
        var canonical = VerificationCode.Normalize(code);
        if (canonical is null) return (Outcome.Malformed, null, null);
        if (cache.Get(canonical) is { } cached)
            return (Outcome.Found, await ViewAsync(cached.Certificate, cached.NextCode, ct), cached.Certificate);
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.VerificationCode == canonical, ct);
        if (certificate is null) return (Outcome.Unknown, null, null);
        string? next = null;
        if (certificate.SupersededById is { } id)
        {
            next = await db.Certificates.AsNoTracking().Where(c => c.Id == id).Select(c => c.VerificationCode).FirstOrDefaultAsync(ct);
        }
        cache.Set(canonical, new VerificationCache.Entry(certificate, next));
        return (Outcome.Found, await ViewAsync(certificate, next, ct), certificate);
    }

    private async Task<VerificationView> ViewAsync(Certificate certificate, string? next, CancellationToken ct)
    {
        var signature = await signatures.ForAsync(certificate, ct);
        return VerificationView.From(certificate, clock.Today(), next, urls) with { Signature = signature is null ? null : SignatureView.From(signature) };
    }
}
