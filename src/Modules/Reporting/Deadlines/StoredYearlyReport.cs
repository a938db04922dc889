using Training.Abstractions.Organisation;
using Training.Abstractions.Storage;
using Training.Platform.Exports;
using Training.Reporting.Data;
using Training.Reporting.Reminders;
using Training.Reporting.Reports;

namespace Training.Reporting.Deadlines;

/// <summary>The yearly report of a plan sent before its deadline: the same workbook and signed PDF HR downloads from
/// <c>/hr/plans/{id}/report.xlsx|pdf</c>, built for the plan's reporting unit (the scope of an HR user of that unit), once
/// per plan and year, and kept in the blob store so every e-mail (and a retry, or another node) attaches the same files.</summary>
public sealed class StoredYearlyReport(IBlobStore blobs, YearlyReportBuilder builder, YearlyReportPdf pdf, IOrgDirectory directory)
{
    public static string FileName(int year, string extension) => $"bao-cao-ket-qua-{year}.{extension}";

    public static string KeyOf(Guid planId, int year, string extension) => $"reports/plans/{planId:N}/{year}/{FileName(year, extension)}";

    /// <summary>The stored files of the plan's report for <paramref name="year"/>, generating them the first time.</summary>
    public async Task<IReadOnlyList<StoredAttachment>> EnsureAsync(Plan plan, int year, CancellationToken ct = default)
    {
        var xlsx = new StoredAttachment(KeyOf(plan.Id, year, "xlsx"), FileName(year, "xlsx"), TableExport.XlsxType);
        var signed = new StoredAttachment(KeyOf(plan.Id, year, "pdf"), FileName(year, "pdf"), "application/pdf");
        if (await blobs.GetInfoAsync(xlsx.BlobKey, ct) is not null && await blobs.GetInfoAsync(signed.BlobKey, ct) is not null) return [xlsx, signed];

        var unit = plan.UnitId ?? throw new InvalidOperationException($"Plan {plan.Id} has no reporting unit.");
        var report = await builder.BuildAsync(plan, year, new UnitScope(false, unit, await directory.GetSubtreeAsync(unit, ct)), ct);
        using (var workbook = new MemoryStream())
        {
            await YearlyReportXlsx.WriteAsync(report, workbook);
            workbook.Position = 0;
            await blobs.PutAsync(xlsx.BlobKey, workbook, xlsx.ContentType, ct);
        }
        using (var document = new MemoryStream(await pdf.RenderSignedAsync(report, ct), writable: false))
            await blobs.PutAsync(signed.BlobKey, document, signed.ContentType, ct);
        return [xlsx, signed];
    }
}
