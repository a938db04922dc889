using System.Globalization;
using System.Text.RegularExpressions;
using Training.Platform.Text;

namespace Training.LegalLibrary.Corpus;

/// <summary>Reads a Bộ pháp điển topic rendered as Markdown: front matter, a metadata table, <c>## VĂN BẢN</c>, then
/// <c>Chương</c>/<c>Mục</c> headings and articles <c>Điều 3.1.LQ.1. Title</c>, each followed by its source note
/// <c>(Điều 1 Luật số 86/2015/QH13 ...)</c>. The trailing <c>## Danh sách điều khoản</c> index repeats the articles and is skipped.</summary>
public static partial class PhapDienParser
{
    [GeneratedRegex(@"^Điều\s+(\d+(?:\.\d+)*(?:\.[A-ZĐ]+(?:\.\d+)+)?)\s*\.\s*(.*)$")]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"^(Phần|Chương|Mục)\s+([IVXLC]+|\d+)\b\.?\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\((?:Khoản\s+\S+\s+)?Điều\s+(\d+[a-z]?)\s+(Bộ luật|Luật|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Pháp lệnh)\s+số\s+(\S+(?:\s*/\s*\S+)*)\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex SourceNote();

    [GeneratedRegex(@"\(Điều này có nội dung liên quan đến[^)]*\)")]
    private static partial Regex RelatedNote();

    public static ParsedDocument Parse(string fileName, string content)
    {
        var lines = content.Replace("\r", "").Split('\n');
        if (lines.All(l => l.Trim().Length == 0)) throw new CorpusFormatException(fileName, 1, "the file is empty");
        var start = Array.FindIndex(lines, l => l.Trim().StartsWith("## VĂN BẢN", StringComparison.Ordinal));
        if (start < 0) throw new CorpusFormatException(fileName, 1, "not a pháp điển topic: no \"## VĂN BẢN\" heading");
        var meta = ReadMetadata(lines, start);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var topic = lines.Skip(start + 1).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
            ?? FrontMatterTitle(lines) ?? stem;
        topic = VietnameseText.Clean(topic);

        var articles = new List<ParsedArticle>();
        string? part = null, chapter = null, section = null;
        var i = start + 1;
        while (i < lines.Length)
        {
            var line = TextLines.CleanLine(lines[i]);
            if (lines[i].TrimStart().StartsWith("## Danh sách điều khoản", StringComparison.Ordinal)) break;
            var h = HeadingLine().Match(line);
            if (h.Success && !line.Contains("Điều ", StringComparison.Ordinal))
            {
                var name = h.Groups[3].Value.Trim();
                if (name.Length == 0) name = NextNonEmpty(lines, ref i);
                var heading = $"{Cap(h.Groups[1].Value)} {h.Groups[2].Value}" + (name.Length > 0 ? $". {name}" : "");
                switch (h.Groups[1].Value.ToLowerInvariant())
                {
                    case "phần": part = heading; chapter = null; section = null; break;
                    case "chương": chapter = heading; section = null; break;
                    default: section = heading; break;
                }
                i++;
                continue;
            }
            var a = ArticleLine().Match(line);
            if (!a.Success) { i++; continue; }
            var articleLine = i + 1;
            var number = a.Groups[1].Value;
            var title = a.Groups[2].Value.Trim().TrimEnd('.');
            i++;
            var note = ReadNote(lines, ref i);
            var body = new List<string>();
            while (i < lines.Length)
            {
                var l = TextLines.CleanLine(lines[i]);
                if (lines[i].TrimStart().StartsWith("## ", StringComparison.Ordinal) || ArticleLine().IsMatch(l)
                    || (HeadingLine().IsMatch(l) && !l.Contains("Điều ", StringComparison.Ordinal))) break;
                body.Add(RelatedNote().Replace(l, "").Trim());
                i++;
            }
            var text = TextLines.JoinParagraphs(body);
            if (text.Length == 0 && title.Length == 0)
                throw new CorpusFormatException(fileName, articleLine, $"article {number} has neither title nor text");
            var (srcNumber, srcArticle, srcTitle) = ParseNote(note);
            var path = string.Join(" › ", new[] { part, chapter, section }.Where(x => x is not null));
            articles.Add(new ParsedArticle(TextLines.Key("dieu", number), number, title, text, path, note, srcNumber, srcArticle, srcTitle));
        }
        if (articles.Count == 0) throw new CorpusFormatException(fileName, start + 1, "no article (\"Điều ...\") found after \"## VĂN BẢN\"");
        // The published topics repeat a few article numbers; later ones get a suffix so each keeps its own anchor.
        var used = new HashSet<string>(articles.Select(a => a.Key));
        var first = new HashSet<string>();
        for (var k = 0; k < articles.Count; k++)
        {
            if (first.Add(articles[k].Key)) continue;
            var n = 2;
            while (used.Contains($"{articles[k].Key}-b{n}")) n++;
            used.Add($"{articles[k].Key}-b{n}");
            articles[k] = articles[k] with { Key = $"{articles[k].Key}-b{n}" };
        }
        return new ParsedDocument($"phap-dien-{VietnameseText.Slug(stem)}", "", "Pháp điển", $"Chủ đề {topic}",
            Meta(meta, "Nơi ban hành") ?? "Bộ Tư pháp", null, null, "phapdien", null, fileName, articles);
    }

    /// <summary>The note in parentheses right after the heading; it may run over several lines.</summary>
    private static string? ReadNote(string[] lines, ref int i)
    {
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        if (i >= lines.Length || !lines[i].TrimStart().StartsWith('(')) return null;
        var text = new List<string>();
        var depth = 0;
        while (i < lines.Length)
        {
            var l = lines[i].Trim();
            text.Add(l);
            depth += l.Count(c => c == '(') - l.Count(c => c == ')');
            i++;
            if (depth <= 0) break;
        }
        return VietnameseText.Clean(string.Join(' ', text)).Trim('(', ')').Trim();
    }

    /// <summary>Source document number, article and (when the note names it) title: "Điều 1 Luật số 24/2018/QH14 An ninh mạng
    /// ngày 12/06/2018 ..." → (24/2018/QH14, 1, Luật An ninh mạng).</summary>
    internal static (string? Number, string? Article, string? Title) ParseNote(string? note)
    {
        if (note is null) return (null, null, null);
        var m = SourceNote().Match("(" + note);
        if (!m.Success) return (null, null, null);
        var number = KnownDocuments.NormaliseDash(TextLines.NormaliseNumber(m.Groups[3].Value));
        var rest = m.Groups[4].Value;
        var cut = rest.IndexOfAny([',', ')']);
        if (cut >= 0) rest = rest[..cut];
        var ngay = rest.IndexOf(" ngày ", StringComparison.Ordinal);
        if (ngay >= 0) rest = rest[..ngay];
        if (rest.StartsWith("ngày", StringComparison.Ordinal)) rest = "";
        rest = rest.Trim();
        var title = rest.Length > 0 ? $"{m.Groups[2].Value} {rest}" : null;
        return (number, m.Groups[1].Value, title);
    }

    private static Dictionary<string, string> ReadMetadata(string[] lines, int end)
    {
        var meta = new Dictionary<string, string>();
        foreach (var l in lines.Take(end))
        {
            var cells = l.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 3 || !cells[1].StartsWith("**", StringComparison.Ordinal)) continue;
            meta[cells[1].Trim('*').Trim()] = VietnameseText.Clean(cells[2]);
        }
        return meta;
    }

    private static string? Meta(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var v) && v.Length > 0 && !v.StartsWith("Đang cập nhật", StringComparison.Ordinal) ? v : null;

    private static string? FrontMatterTitle(string[] lines) =>
        lines.Take(10).FirstOrDefault(l => l.StartsWith("title:", StringComparison.Ordinal))?[6..].Trim();

    private static string NextNonEmpty(string[] lines, ref int i)
    {
        var j = i + 1;
        while (j < lines.Length && lines[j].Trim().Length == 0) j++;
        if (j >= lines.Length) return "";
        var candidate = TextLines.CleanLine(lines[j]);
        // A chapter name is written in capitals on its own line; anything else belongs to the text.
        if (candidate.Length == 0 || candidate != candidate.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) || ArticleLine().IsMatch(candidate)) return "";
        i = j;
        return candidate;
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
}
