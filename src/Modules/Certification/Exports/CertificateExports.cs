using System.IO.Compression;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Pdf;
using Training.Platform.Exports;

namespace Training.Certification.Exports;

/// <summary>CSV, XLSX and ZIP-of-PDFs exports of an HR selection.</summary>
public sealed class CertificateExports(CertificatePdfService pdfs, CertificateFiles files, CertificationDbContext db)
{
    /// <summary>The columns of the CSV and XLSX lists: what the HR page shows, in Vietnamese, unit by name.</summary>
    public static readonly IReadOnlyList<ExportColumn<CertificateRow>> Columns =
    [
        new("Số hiệu", r => r.SerialNumber),
        new("Mã xác thực", r => VerificationCode.Format(r.VerificationCode)),
        new("Họ và tên", r => r.HolderName),
        new("Đơn vị", r => r.HolderUnit),
        new("Chương trình", r => r.Programme),
        new("Ngày cấp", r => r.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
        new("Ngày hết hạn", r => r.ExpiresOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? ""),
        new("Trạng thái", r => CertificateQuery.StatusText(r.Status)),
        new("Ngày thu hồi", r => r.RevokedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? ""),
    ];

    /// <summary>CSV, row by row from the database, written to <paramref name="output"/> asynchronously.</summary>
    public Task WriteCsvAsync(IAsyncEnumerable<CertificateRow> rows, Stream output, CancellationToken ct) =>
        TableExport.WriteCsvAsync(output, rows, Columns, ct);

    /// <summary>XLSX through a temporary file (see <see cref="TableExport.WriteXlsxAsync(Stream, IReadOnlyDictionary{string, object}, CancellationToken)"/>);
    /// <paramref name="rows"/> is enumerated there, off the request thread.</summary>
    public Task WriteXlsxAsync(IEnumerable<CertificateRow> rows, Stream output, CancellationToken ct) =>
        TableExport.WriteXlsxAsync(output, "Chứng chỉ", rows, Columns, ct);

    /// <summary>The stored PDFs of the selected certificates (rendered first when still pending).</summary>
    public async Task WriteZipAsync(IReadOnlyList<Guid> ids, Stream output, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var chunk in ids.Chunk(200))
        {
            var certificates = await db.Certificates.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct);
            foreach (var c in certificates.OrderBy(c => c.SerialNumber))
            {
                var stored = await pdfs.EnsurePdfAsync(c, ct);
                var entry = zip.CreateEntry(c.SerialNumber.Replace('/', '-') + ".pdf", CompressionLevel.NoCompression);
                await using var target = await entry.OpenAsync(ct);
                await using var source = await files.OpenReadAsync(stored.PdfFile!, ct)
                    ?? throw new FileNotFoundException($"The PDF of {c.SerialNumber} is missing.", stored.PdfFile);
                await source.CopyToAsync(target, ct);
            }
        }
    }
}
