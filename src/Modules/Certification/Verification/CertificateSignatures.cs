using Microsoft.Extensions.Caching.Memory;
using Training.Certification.Data;
using Training.Certification.Pdf;
using Training.Platform.Signing;

namespace Training.Certification.Verification;

/// <summary>The signature check of a certificate's stored PDF. The file is an immutable snapshot, so a result is cached
/// by certificate and file hash for as long as memory allows; a tampered file on disk gets a new hash only when the
/// record changes, so <c>check-certificates</c> (which compares hashes) remains the guard against changes on disk.</summary>
public sealed class CertificateSignatures(CertificateFiles files, PdfSignatureVerifier verifier, IMemoryCache cache)
{
    public async Task<PdfSignatureReport?> ForAsync(Certificate certificate, CancellationToken ct)
    {
        if (certificate.PdfFile is null || certificate.PdfSha256 is null) return null;
        var key = ("cert-signature", certificate.Id, certificate.PdfSha256);
        if (cache.TryGetValue(key, out PdfSignatureReport? cached)) return cached;
        var pdf = await files.ReadAllBytesAsync(certificate.PdfFile, ct);
        if (pdf is null) return null;
        var report = verifier.Verify(pdf);
        cache.Set(key, report, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(1), Size = null });
        return report;
    }
}
