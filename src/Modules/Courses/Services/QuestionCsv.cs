using System.Globalization;
using CsvHelper;
using Training.Platform.Text;

namespace Training.Courses.Services;

/// <summary>The CSV form of a question bank. Headers are Vietnamese (with or without diacritics) or English:
/// Loại (kind), Câu hỏi (text), Phương án (options), Đáp án (answers), Giải thích (explanation), Căn cứ (citation),
/// Đáp án chấp nhận (accepted), Sai số (tolerance), Bỏ dấu (fold diacritics: có/không);
/// options and answers are separated by <c>|</c>, answers numbered from 1.</summary>
public static class QuestionCsv
{
    /// <summary>Folded header → column, both languages.</summary>
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["kind"] = "kind", ["loai"] = "kind", ["loai cau hoi"] = "kind",
        ["text"] = "text", ["cau hoi"] = "text", ["noi dung"] = "text", ["noi dung cau hoi"] = "text",
        ["options"] = "options", ["phuong an"] = "options", ["cac phuong an"] = "options",
        ["answers"] = "answers", ["dap an"] = "answers", ["dap an dung"] = "answers",
        ["explanation"] = "explanation", ["giai thich"] = "explanation",
        ["citation"] = "citation", ["can cu"] = "citation", ["trich dan"] = "citation",
        ["accepted"] = "accepted", ["dap an chap nhan"] = "accepted", ["dap so"] = "accepted",
        ["tolerance"] = "tolerance", ["sai so"] = "tolerance", ["sai so cho phep"] = "tolerance",
        ["fold diacritics"] = "fold", ["bo dau"] = "fold", ["khong phan biet dau"] = "fold",
    };

    public static List<QuestionRow?> Read(string content)
    {
        var options = CsvReaderOptions.Default with { TrimWhitespace = true, SkipEmptyLines = true };
        using var csv = CsvReader.FromText(content, options);
        var header = csv.Headers.Select(ColumnOf).ToArray();
        if (!header.Contains("kind") || !header.Contains("text"))
            throw new FormatException("dòng đầu phải có tên cột, ít nhất «Loại» và «Câu hỏi».");
        string Get(string column)
        {
            var i = Array.IndexOf(header, column);
            return i >= 0 && i < csv.FieldCount ? csv.GetString(i) ?? "" : "";
        }
        var rows = new List<QuestionRow?>();
        while (csv.Read())
        {
            rows.Add(RowFrom(Get));
            if (rows.Count > QuestionImporter.MaxRows) break;
        }
        return rows;
    }

    /// <summary>The column a header names (folded, both languages), or "" when it names none.</summary>
    public static string ColumnOf(string header) => Columns.GetValueOrDefault(Key(header), "");

    /// <summary>One question from the cells of a row, read by column (CSV or XLSX).</summary>
    public static QuestionRow RowFrom(Func<string, string> get)
    {
        var answers = get("answers").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        return new QuestionRow(get("kind"), get("text"), Split(get("options")), answers, get("explanation"), get("citation"),
            Split(get("accepted")), ParseTolerance(get("tolerance")), IsYes(get("fold")));
    }

    private static List<string> Split(string cell) => cell.Split('|', StringSplitOptions.TrimEntries).Where(o => o.Length > 0).ToList();

    /// <summary>Empty is no tolerance; anything not a number becomes -1, which the validator refuses with the row named.</summary>
    public static decimal? ParseTolerance(string value) =>
        value.Trim().Length == 0 ? null : Questions.NumericGrader.TryParse(value, out var t) ? t : -1m;

    public static bool IsYes(string value) => VietnameseText.Fold(value.Trim()) is "co" or "x" or "yes" or "true" or "1";

    private static string Key(string header) =>
        string.Join(' ', VietnameseText.Fold(header.Replace('_', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
