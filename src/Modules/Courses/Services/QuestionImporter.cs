using System.Text.Json;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Courses.Questions.Formats;
using Training.Platform.Text;

namespace Training.Courses.Services;

/// <summary>One question as imported: <c>answers</c> are 1-based option numbers; <c>accepted</c> holds the accepted
/// answers (short answer), the value (numeric) or the matches (matching; else options are written «ý -> vế ghép»).</summary>
public sealed record QuestionRow(string Kind, string Text, List<string> Options, List<int> Answers, string? Explanation, string? Citation,
    List<string>? Accepted = null, decimal? Tolerance = null, bool FoldDiacritics = false);

public sealed record ImportError(int Row, string Message);

/// <summary>Parses a question bank from CSV (columns named in <see cref="QuestionCsv"/>) or JSON (an array of
/// <see cref="QuestionRow"/>). All or nothing: any error and nothing is imported.</summary>
public static class QuestionImporter
{
    public const int MaxRows = 2_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>A file as uploaded: XLSX by its name, else strict UTF-8 (with or without BOM) text, then parsed.</summary>
    public static (List<Question> Questions, List<ImportError> Errors) Parse(byte[] file, string fileName)
    {
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            List<BankRow> rows;
            try
            {
                rows = XlsxBank.Read(new MemoryStream(file, writable: false));
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or FormatException or System.Xml.XmlException)
            {
                return ([], [new ImportError(0, "Tệp Excel không đọc được (cần tệp .xlsx).")]);
            }
            return FromRows(rows);
        }
        return StrictText.Decode(file, out var text) is { } error ? ([], [new ImportError(0, error)]) : Parse(text, fileName);
    }

    /// <summary>GIFT (.gift, or .txt without «ANSWER:» lines) and Aiken (.txt with them) banks, numbered by line.</summary>
    public static (List<Question> Questions, List<ImportError> Errors) ParseText(string content, string fileName)
    {
        var aiken = fileName.EndsWith(".aiken", StringComparison.OrdinalIgnoreCase)
            || (!fileName.EndsWith(".gift", StringComparison.OrdinalIgnoreCase)
                && content.Split('\n').Any(l => l.TrimStart().StartsWith("ANSWER:", StringComparison.OrdinalIgnoreCase)));
        return FromRows(aiken ? AikenFormat.Read(content) : GiftFormat.Read(content));
    }

    /// <summary>All or nothing over rows that carry their own line numbers.</summary>
    public static (List<Question> Questions, List<ImportError> Errors) FromRows(List<BankRow> rows)
    {
        if (rows.Count == 0) return ([], [new ImportError(0, "Tệp không có câu hỏi nào.")]);
        if (rows.Count > MaxRows) return ([], [new ImportError(0, $"Tệp có hơn {MaxRows} câu hỏi; mỗi lần nhập tối đa {MaxRows} câu.")]);
        var questions = new List<Question>();
        var errors = new List<ImportError>();
        foreach (var r in rows)
        {
            if (r.Error is not null)
            {
                errors.Add(new ImportError(r.Line, r.Error));
                continue;
            }
            var (q, rowErrors) = ToQuestion(r.Row);
            errors.AddRange(rowErrors.Select(e => new ImportError(r.Line, e)));
            if (q is not null) questions.Add(q);
        }
        return errors.Count > 0 ? ([], errors) : (questions, errors);
    }

    public static (List<Question> Questions, List<ImportError> Errors) Parse(string content, string fileName)
    {
        if (fileName.EndsWith(".gift", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".aiken", StringComparison.OrdinalIgnoreCase))
            return ParseText(content, fileName);
        List<QuestionRow?> rows;
        try
        {
            rows = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || content.TrimStart().StartsWith('[')
                ? JsonSerializer.Deserialize<List<QuestionRow?>>(content, Json) ?? []
                : QuestionCsv.Read(content);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return ([], [new ImportError(0, "Tệp không đọc được: " + ex.Message)]);
        }
        if (rows.Count == 0) return ([], [new ImportError(0, "Tệp không có câu hỏi nào.")]);
        if (rows.Count > MaxRows) return ([], [new ImportError(0, $"Tệp có {rows.Count} câu hỏi; mỗi lần nhập tối đa {MaxRows} câu.")]);
        var questions = new List<Question>();
        var errors = new List<ImportError>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (q, rowErrors) = ToQuestion(rows[i]);
            errors.AddRange(rowErrors.Select(e => new ImportError(i + 1, e)));
            if (q is not null) questions.Add(q);
        }
        return errors.Count > 0 ? ([], errors) : (questions, errors);
    }

    public static QuestionKind? ParseKind(string? kind) => VietnameseText.Fold(kind ?? "").Replace(" ", "", StringComparison.Ordinal) switch
    {
        "single" or "motluachon" => QuestionKind.Single,
        "multiple" or "nhieuluachon" => QuestionKind.Multiple,
        "truefalse" or "true/false" or "dungsai" or "dung/sai" => QuestionKind.TrueFalse,
        "multipleresponse" or "nhieudapan" or "nhieuluachontinhdiemtungphan" or "tinhdiemtungphan" => QuestionKind.MultipleResponse,
        "matching" or "ghepcap" or "ghepnoi" => QuestionKind.Matching,
        "ordering" or "sapxep" or "sapxepthutu" => QuestionKind.Ordering,
        "shortanswer" or "traloingan" or "dienkhuyet" => QuestionKind.ShortAnswer,
        "numeric" or "numerical" or "cauhoiso" or "dapso" => QuestionKind.Numeric,
        _ => null,
    };

    /// <summary>One question, or the refusals of its fields (each named).</summary>
    public static (Question? Question, FieldErrors Errors) ToQuestion(QuestionRow? row)
    {
        var errors = new FieldErrors();
        if (row is null)
        {
            errors.Add("Dòng trống.");
            return (null, errors);
        }
        var kind = ParseKind(row.Kind);
        if (kind is null) errors.Add($"Loại: '{Shorten(row.Kind)}' không hợp lệ (một lựa chọn, nhiều lựa chọn, đúng/sai, nhiều đáp án, ghép cặp, sắp xếp, trả lời ngắn hoặc câu hỏi số).");
        var text = errors.Text("Câu hỏi", row.Text, TextLimits.Paragraph, required: true);
        if (text.Length is > 0 and < 5) errors.Add("Câu hỏi: quá ngắn (ít nhất 5 ký tự).");
        var options = kind == QuestionKind.TrueFalse && (row.Options is null || row.Options.Count == 0)
            ? [.. QuestionValidator.TrueFalseOptions]
            : (row.Options ?? []).Select((o, i) => errors.Text($"Phương án {i + 1}", o, TextLimits.Line)).ToList();
        var correct = (row.Answers ?? []).Select(a => a - 1).ToList();
        var accepted = (row.Accepted ?? []).Select((a, i) => errors.Text($"Đáp án chấp nhận {i + 1}", a, TextLimits.Line)).ToList();
        if (kind == QuestionKind.Matching && accepted.Count == 0) (options, accepted) = SplitPairs(options);
        if (kind is QuestionKind.Matching or QuestionKind.Ordering or QuestionKind.ShortAnswer or QuestionKind.Numeric) correct = [];
        if (kind is QuestionKind.ShortAnswer or QuestionKind.Numeric) options = [];
        // Numeric values are stored in invariant form (12.5) whichever separator the trainer typed.
        if (kind == QuestionKind.Numeric && accepted.Count == 1 && Questions.NumericGrader.TryParse(accepted[0], out var value))
            accepted = [value.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var explanation = errors.Text("Giải thích", row.Explanation, TextLimits.Paragraph);
        var citation = errors.Text("Căn cứ", row.Citation, TextLimits.Line);
        if (kind is { } k && QuestionValidator.Validate(k, options, correct, accepted, row.Tolerance) is { } e) errors.Add(e);
        if (errors.Count > 0) return (null, errors);
        return (new Question
        {
            Id = Guid.NewGuid(), Kind = kind!.Value, Text = text, Options = options, Correct = correct,
            Explanation = explanation, Citation = citation.Length == 0 ? null : citation, Accepted = accepted,
            Tolerance = kind == QuestionKind.Numeric ? row.Tolerance ?? 0m : null,
            FoldDiacritics = kind == QuestionKind.ShortAnswer && row.FoldDiacritics,
        }, errors);
    }

    /// <summary>Matching options written «ý -> vế ghép» split into prompts and matches.</summary>
    private static (List<string> Prompts, List<string> Matches) SplitPairs(List<string> options)
    {
        var prompts = new List<string>();
        var matches = new List<string>();
        foreach (var o in options)
        {
            var at = o.IndexOf("->", StringComparison.Ordinal);
            prompts.Add(at < 0 ? o : o[..at].Trim());
            matches.Add(at < 0 ? "" : o[(at + 2)..].Trim());
        }
        return (prompts, matches);
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
