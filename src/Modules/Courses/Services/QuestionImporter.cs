using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Training.Courses.Data;
using Training.Platform.Text;

namespace Training.Courses.Services;

/// <summary>One question as imported: <c>answers</c> are 1-based option numbers.</summary>
public sealed record QuestionRow(string Kind, string Text, List<string> Options, List<int> Answers, string? Explanation, string? Citation);

public sealed record ImportError(int Row, string Message);

/// <summary>Parses a question bank from JSON or CSV. All or nothing: any error and nothing is imported.
/// CSV columns: <c>kind,text,options,answers,explanation,citation</c>, options and answers separated by <c>|</c>.</summary>
public static class QuestionImporter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static (List<Question> Questions, List<ImportError> Errors) Parse(string content, string fileName)
    {
        List<QuestionRow> rows;
        var errors = new List<ImportError>();
        try
        {
            rows = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || content.TrimStart().StartsWith('[')
                ? JsonSerializer.Deserialize<List<QuestionRow>>(content, Json) ?? []
                : ParseCsv(content);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return ([], [new ImportError(0, "Tệp không đọc được: " + ex.Message)]);
        }
        var questions = new List<Question>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (q, error) = ToQuestion(rows[i]);
            if (error is not null) errors.Add(new ImportError(i + 1, error));
            else questions.Add(q!);
        }
        if (rows.Count == 0) errors.Add(new ImportError(0, "Tệp không có câu hỏi nào."));
        return errors.Count > 0 ? ([], errors) : (questions, errors);
    }

    public static QuestionKind? ParseKind(string? kind) => VietnameseText.Fold(kind ?? "").Replace(" ", "", StringComparison.Ordinal) switch
    {
        "single" or "motluachon" => QuestionKind.Single,
        "multiple" or "nhieuluachon" => QuestionKind.Multiple,
        "truefalse" or "true/false" or "dungsai" or "dung/sai" => QuestionKind.TrueFalse,
        _ => null,
    };

    private static (Question?, string?) ToQuestion(QuestionRow row)
    {
        if (row is null) return (null, "Dòng trống.");
        var kind = ParseKind(row.Kind);
        if (kind is null) return (null, $"Loại câu hỏi '{row.Kind}' không hợp lệ (single, multiple, truefalse).");
        var text = VietnameseText.Clean(row.Text);
        if (text.Length < 5) return (null, "Thiếu nội dung câu hỏi.");
        var options = kind == QuestionKind.TrueFalse && (row.Options is null || row.Options.Count == 0)
            ? [.. QuestionValidator.TrueFalseOptions]
            : (row.Options ?? []).Select(VietnameseText.Clean).ToList();
        var correct = (row.Answers ?? []).Select(a => a - 1).ToList();
        if (QuestionValidator.Validate(kind.Value, options, correct) is { } e) return (null, e);
        return (new Question
        {
            Id = Guid.NewGuid(), Kind = kind.Value, Text = text, Options = options, Correct = correct,
            Explanation = VietnameseText.Clean(row.Explanation), Citation = string.IsNullOrWhiteSpace(row.Citation) ? null : VietnameseText.Clean(row.Citation),
        }, null);
    }

    private static List<QuestionRow> ParseCsv(string content)
    {
        var options = CsvReaderOptions.Default with { TrimWhitespace = true, SkipEmptyLines = true };
        using var csv = CsvReader.FromText(content, options);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        string Get(string column)
        {
            var i = Array.IndexOf(header, column);
            return i >= 0 && i < csv.FieldCount ? csv.GetString(i) ?? "" : "";
        }
        if (!header.Contains("kind") || !header.Contains("text")) throw new FormatException("Thiếu cột kind hoặc text.");
        var rows = new List<QuestionRow>();
        while (csv.Read())
        {
            var answers = Get("answers").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
            rows.Add(new QuestionRow(Get("kind"), Get("text"),
                Get("options").Split('|', StringSplitOptions.TrimEntries).Where(o => o.Length > 0).ToList(),
                answers, Get("explanation"), Get("citation")));
        }
        return rows;
    }
}
