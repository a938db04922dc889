using System.Globalization;
using System.Text;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Questions.Formats;

/// <summary>Moodle's GIFT format, the parts that map onto our kinds: multiple choice ({=a ~b}), weighted multiple
/// response ({~%50%a ~%50%b ~%-100%c}), true/false ({T}/{F}), short answer ({=a =b}), matching ({=a -> b}), numeric
/// ({#12.5:0.1} or {#1..5}); titles (::…::), comments (//), $CATEGORY lines, escapes (\~ \= \# \{ \} \:), per-answer
/// feedback (ignored) and general feedback (####…, kept as the explanation). Written by hand: no served .NET package
/// reads or writes GIFT.</summary>
public static class GiftFormat
{
    public static List<BankRow> Read(string content)
    {
        var rows = new List<BankRow>();
        var block = new StringBuilder();
        var start = 0;
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : "";
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            if (line.Trim().Length == 0)
            {
                if (block.Length > 0) rows.Add(ReadOne(block.ToString().Trim(), start));
                block.Clear();
                continue;
            }
            if (block.Length == 0) start = i + 1;
            block.Append(line).Append('\n');
        }
        rows.RemoveAll(r => r.Row is null && r.Error is null);
        return rows;
    }

    private static BankRow ReadOne(string block, int line)
    {
        if (block.StartsWith("$CATEGORY:", StringComparison.OrdinalIgnoreCase)) return new BankRow(line, null);
        if (block.StartsWith("::", StringComparison.Ordinal))
        {
            var end = block.IndexOf("::", 2, StringComparison.Ordinal);
            if (end < 0) return new BankRow(line, null, "Tiêu đề «::…::» chưa đóng.");
            block = block[(end + 2)..].TrimStart();
        }
        var open = IndexOfUnescaped(block, '{', 0);
        if (open < 0) return new BankRow(line, null, "Thiếu phần đáp án trong dấu ngoặc nhọn {…}.");
        var close = IndexOfUnescaped(block, '}', open);
        if (close < 0) return new BankRow(line, null, "Dấu «{» chưa được đóng bằng «}».");
        var after = block[(close + 1)..].Trim();
        var text = Unescape(StripFormat(block[..open].Trim()) + (after.Length > 0 ? " _____ " + after : "")).Trim();
        var body = block[(open + 1)..close].Trim();
        var explanation = default(string);
        var general = body.IndexOf("####", StringComparison.Ordinal);
        if (general >= 0)
        {
            explanation = Unescape(body[(general + 4)..]).Trim();
            body = body[..general].Trim();
        }
        try
        {
            var row = ReadAnswers(text, body, explanation);
            return new BankRow(line, row);
        }
        catch (FormatException ex)
        {
            return new BankRow(line, null, ex.Message);
        }
    }

    private static QuestionRow ReadAnswers(string text, string body, string? explanation)
    {
        var upper = CutFeedback(body).Trim().ToUpperInvariant();
        if (upper is "T" or "TRUE" or "F" or "FALSE")
            return new QuestionRow("truefalse", text, [], [upper.StartsWith('T') ? 1 : 2], explanation, null);
        if (body.StartsWith('#')) return Numeric(text, CutFeedback(body[1..]).Trim(), explanation);
        var answers = SplitAnswers(body);
        if (answers.Count == 0) throw new FormatException("Không có đáp án nào trong {…}.");
        if (answers.All(a => a.Marker == '=') && answers.Any(a => a.Text.Contains("->", StringComparison.Ordinal)))
        {
            if (!answers.All(a => a.Text.Contains("->", StringComparison.Ordinal))) throw new FormatException("Câu ghép cặp: mỗi đáp án phải có dạng «=ý -> vế ghép».");
            return new QuestionRow("matching", text, answers.Select(a => a.Text).ToList(), [], explanation, null);
        }
        if (answers.All(a => a.Marker == '=')) return new QuestionRow("shortanswer", text, [], [], explanation, null, answers.Select(a => a.Text).ToList());
        var correct = answers.Select((a, i) => (a, i)).Where(x => x.a.Marker == '=' || x.a.Weight > 0).Select(x => x.i + 1).ToList();
        var weighted = answers.Any(a => a.Weight is not null);
        var kind = weighted ? "multipleresponse" : correct.Count == 1 ? "single" : "multiple";
        return new QuestionRow(kind, text, answers.Select(a => a.Text).ToList(), correct, explanation, null);
    }

    private static QuestionRow Numeric(string text, string spec, string? explanation)
    {
        if (spec.StartsWith('=')) spec = spec[1..];
        decimal value, tolerance;
        var range = spec.IndexOf("..", StringComparison.Ordinal);
        if (range >= 0)
        {
            if (!Number(spec[..range], out var min) || !Number(spec[(range + 2)..], out var max) || max < min)
                throw new FormatException($"Khoảng số «{spec}» không hợp lệ (viết #nhỏ..lớn).");
            (value, tolerance) = ((min + max) / 2, (max - min) / 2);
        }
        else
        {
            var colon = spec.IndexOf(':');
            if (!Number(colon < 0 ? spec : spec[..colon], out value)) throw new FormatException($"Đáp số «{spec}» không phải một số.");
            tolerance = 0m;
            if (colon >= 0 && (!Number(spec[(colon + 1)..], out tolerance) || tolerance < 0)) throw new FormatException($"Sai số trong «{spec}» không hợp lệ.");
        }
        return new QuestionRow("numeric", text, [], [], explanation, null, [value.ToString(CultureInfo.InvariantCulture)], tolerance);
    }

    private static bool Number(string s, out decimal value) =>
        decimal.TryParse(s.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private sealed record Answer(char Marker, decimal? Weight, string Text);

    private static List<Answer> SplitAnswers(string body)
    {
        var result = new List<Answer>();
        var starts = new List<int>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\') { i++; continue; }
            if (body[i] is '=' or '~' && !(body[i] == '=' && i > 0 && body[i - 1] == '-')) starts.Add(i);
        }
        if (starts.Count == 0 || body[..starts[0]].Trim().Length > 0) throw new FormatException("Mỗi đáp án phải bắt đầu bằng «=» (đúng) hoặc «~» (sai).");
        for (var k = 0; k < starts.Count; k++)
        {
            var raw = body[(starts[k] + 1)..(k + 1 < starts.Count ? starts[k + 1] : body.Length)];
            decimal? weight = null;
            raw = raw.TrimStart();
            if (raw.StartsWith('%'))
            {
                var end = raw.IndexOf('%', 1);
                if (end < 0 || !Number(raw[1..end], out var w)) throw new FormatException($"Trọng số «{raw.Trim()}» không hợp lệ (viết ~%50%…).");
                weight = w;
                raw = raw[(end + 1)..];
            }
            var answerText = Unescape(CutFeedback(raw)).Trim();
            if (answerText.Length == 0) throw new FormatException("Có đáp án để trống.");
            result.Add(new Answer(body[starts[k]], weight, answerText));
        }
        return result;
    }

    private static string CutFeedback(string s)
    {
        var hash = IndexOfUnescaped(s, '#', 0);
        return hash < 0 ? s : s[..hash];
    }

    private static string StripFormat(string s) =>
        s.StartsWith('[') && s.IndexOf(']') is var end and > 0 && s[1..end] is "html" or "moodle" or "plain" or "markdown" ? s[(end + 1)..] : s;

    private static int IndexOfUnescaped(string s, char c, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (s[i] == c) return i;
        }
        return -1;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                sb.Append(s[i + 1] == 'n' ? '\n' : s[i + 1]);
                i++;
            }
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }

    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Replace("\r", "", StringComparison.Ordinal))
        {
            if (c is '~' or '=' or '#' or '{' or '}' or ':' or '\\') sb.Append('\\');
            sb.Append(c == '\n' ? " " : c.ToString());
        }
        return sb.ToString();
    }
}
