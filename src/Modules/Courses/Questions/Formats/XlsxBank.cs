using System.Globalization;
using MiniExcelLibs;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Platform.Exports;

namespace Training.Courses.Questions.Formats;

/// <summary>The bank as a spreadsheet: the same columns as the CSV form (<see cref="QuestionCsv"/>), first sheet, header
/// in row 1. Rows are numbered as Excel shows them.</summary>
public static class XlsxBank
{
    public static List<BankRow> Read(Stream xlsx)
    {
        var rows = new List<BankRow>();
        var number = 1;
        string[]? columns = null;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(xlsx, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            var values = cells.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "").ToArray();
            if (columns is null)
            {
                columns = values.Select(QuestionCsv.ColumnOf).ToArray();
                if (!columns.Contains("kind") || !columns.Contains("text"))
                    return [new BankRow(1, null, "Dòng 1 của trang tính phải có tên cột, ít nhất «Loại» và «Câu hỏi».")];
                number++;
                continue;
            }
            if (values.All(v => v.Length == 0)) { number++; continue; }
            string Get(string column)
            {
                var i = Array.IndexOf(columns, column);
                return i >= 0 && i < values.Length ? values[i] : "";
            }
            rows.Add(new BankRow(number++, QuestionCsv.RowFrom(Get)));
            if (rows.Count > QuestionImporter.MaxRows) break;
        }
        return rows;
    }

    public static readonly IReadOnlyList<ExportColumn<Question>> Columns =
    [
        new("Loại", q => Pages.StatusText.Of(q.Kind)),
        new("Câu hỏi", q => q.Text),
        new("Phương án", q => string.Join(" | ", q.Kind == QuestionKind.Matching ? q.Options.Zip(q.Accepted, (o, a) => $"{o} -> {a}") : q.Options)),
        new("Đáp án", q => string.Join(" | ", q.Correct.Select(i => i + 1))),
        new("Giải thích", q => q.Explanation),
        new("Căn cứ", q => q.Citation),
        new("Đáp án chấp nhận", q => q.Kind is QuestionKind.ShortAnswer or QuestionKind.Numeric ? string.Join(" | ", q.Accepted) : ""),
        new("Sai số", q => q.Tolerance?.ToString(CultureInfo.InvariantCulture)),
        new("Bỏ dấu", q => q.FoldDiacritics ? "có" : ""),
    ];
}
