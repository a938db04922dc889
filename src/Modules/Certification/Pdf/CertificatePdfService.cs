using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Abstractions.Hosting;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Platform.Text;

namespace Training.Certification.Pdf;

/// <summary>Generates a certificate's PDF once: renders, stores the file atomically, then records its name and SHA-256.
/// Once recorded, the file is never rewritten.</summary>
public sealed class CertificatePdfService(
    CertificationDbContext db, CertificatePdfRenderer renderer, CertificateFiles files, PublicUrls urls)
{
    public async Task<Certificate> EnsurePdfAsync(Certificate certificate, CancellationToken ct)
    {
        if (certificate.PdfSha256 is not null) return certificate;
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == certificate.ProgrammeId, ct);
        var stored = await StoreAsync(certificate, programme, ct);
        if (!await RecordAsync(certificate.Id, stored, ct))
        {
            // Someone else recorded it first; theirs is the snapshot.
            return await db.Certificates.AsNoTracking().FirstAsync(c => c.Id == certificate.Id, ct);
        }
        certificate.PdfFile = stored.File;
        certificate.PdfSha256 = stored.Sha256;
        certificate.PdfBytes = stored.Bytes;
        return certificate;
    }

    /// <summary>Renders and writes the file; thread-safe (no database access).</summary>
    public async Task<(string File, string Sha256, int Bytes)> StoreAsync(Certificate certificate, Programme programme, CancellationToken ct)
    {
        var pdf = renderer.Render(Document(certificate, programme, urls.Verify(certificate.VerificationCode)));
        return await files.WriteAsync(certificate.Id, pdf, ct);
    }

    /// <summary>Records the stored file unless a snapshot is already recorded; false when one was.</summary>
    public async Task<bool> RecordAsync(Guid id, (string File, string Sha256, int Bytes) stored, CancellationToken ct) =>
        await db.Certificates.Where(c => c.Id == id && c.PdfSha256 == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PdfFile, stored.File).SetProperty(c => c.PdfSha256, stored.Sha256)
                .SetProperty(c => c.PdfBytes, stored.Bytes), ct) == 1;

    public static CertificateDocument Document(Certificate c, Programme p, string verifyUrl)
    {
        return new CertificateDocument(
            VietnameseText.Clean(p.IssuingBody), c.IssuingUnitName, c.HolderName, c.HolderUnitName, VietnameseText.Clean(p.Wording), c.ProgrammeName, c.Result,
            c.ExpiresOn is { } e ? $"Giấy chứng nhận có giá trị đến hết ngày {e:dd/MM/yyyy}" : "Giấy chứng nhận không thời hạn",
            VietnameseText.PlaceAndDate(p.Place, c.IssuedOn), p.SignerTitle, VietnameseText.Clean(p.SignerName),
            c.SerialNumber, VerificationCode.Format(c.VerificationCode), verifyUrl, c.IssuedOn);
    }
}
