using Microsoft.AspNetCore.Http;
using Training.Abstractions.Organisation;
using Training.Platform.Exports;

namespace Training.Courses.Evaluation;

/// <summary>Evaluation results as CSV (one row per Likert item) or XLSX (items and comments), through the shared
/// asynchronous writer. Nothing is written under <see cref="EvaluationResults.MinAnswers"/> sheets.</summary>
public static class EvaluationExport
{
    private static readonly IReadOnlyList<ExportColumn<LikertResult>> Items =
    [
        new("Câu", r => r.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Nội dung", r => r.Text),
        new("Số trả lời", r => r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Điểm trung bình", r => r.Mean.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
        .. Enumerable.Range(1, 5).Select(s => new ExportColumn<LikertResult>($"Mức {s}", r => r.Counts[s - 1].ToString(System.Globalization.CultureInfo.InvariantCulture))),
    ];

    private static readonly IReadOnlyList<ExportColumn<TextAnswer>> Comments =
    [
        new("Câu", c => c.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Nội dung câu hỏi", c => c.Item),
        new("Ý kiến", c => c.Text),
    ];

    /// <summary>False (nothing written) when there are too few sheets or the format is unknown.</summary>
    public static async Task<bool> WriteAsync(HttpResponse response, EvaluationResults results, Guid courseId, string code, UnitScope scope,
        string? format, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return false;
        var summary = await results.SummariseAsync(courseId, scope, 1, ct);
        if (!summary.Shown) return false;
        var name = $"danh-gia-{code.ToLowerInvariant()}";
        if (format == "csv")
        {
            TableExport.StartDownload(response, TableExport.CsvType, name + ".csv");
            await TableExport.WriteCsvAsync(response.Body, summary.Likert, Items, ct);
            return true;
        }
        var comments = new List<TextAnswer>();
        await foreach (var c in results.AllComments(courseId, scope).WithCancellation(ct)) comments.Add(c);
        TableExport.StartDownload(response, TableExport.XlsxType, name + ".xlsx");
        await TableExport.WriteXlsxAsync(response.Body, new Dictionary<string, object>
        {
            ["Câu hỏi"] = new ColumnDataReader<LikertResult>(summary.Likert, Items),
            ["Ý kiến"] = new ColumnDataReader<TextAnswer>(comments, Comments),
        }, ct);
        return true;
    }
}
