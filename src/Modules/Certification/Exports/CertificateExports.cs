using System.IO.Compression;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Pdf;

namespace Training.Certification.Exports;

/// <summary>CSV, XLSX and ZIP-of-PDFs exports of an HR selection.</summary>
public sealed class CertificateExports(CertificatePdfService pdfs, CertificateFiles files, CertificationDbContext db)
{
    private static readonly string[] Header =
        ["Số hiệu", "Mã xác thực", "Họ và tên", "Đơn vị", "Chương trình", "Ngày cấp", "Ngày hết hạn", "Trạng thái", "Ngày thu hồi"];

    private static string[] Fields(CertificateRow r) =>
    [
        r.SerialNumber, VerificationCode.Format(r.VerificationCode), r.HolderName, r.HolderUnit, r.Programme,
        r.IssuedOn.ToString("dd/MM/yyyy"), r.ExpiresOn?.ToString("dd/MM/yyyy") ?? "", CertificateQuery.StatusText(r.Status),
        r.RevokedOn?.ToString("dd/MM/yyyy") ?? "",
    ];

    public async Task WriteCsvAsync(IAsyncEnumerable<CertificateRow> rows, Stream output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteHeader(Header);
        await foreach (var r in rows.WithCancellation(ct)) csv.WriteRecord(Fields(r));
        await csv.FlushAsync(ct);
    }

    public async Task WriteXlsxAsync(IAsyncEnumerable<CertificateRow> rows, Stream output, CancellationToken ct)
    {
        var list = new List<Dictionary<string, object?>>();
        await foreach (var r in rows.WithCancellation(ct))
        {
            var f = Fields(r);
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < Header.Length; i++) row[Header[i]] = f[i];
            list.Add(row);
        }
        await MiniExcel.SaveAsAsync(output, list, sheetName: "Chứng chỉ", cancellationToken: ct);
    }

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
                await using var source = File.OpenRead(files.PathOf(stored.PdfFile!));
                await source.CopyToAsync(target, ct);
            }
        }
    }
}
