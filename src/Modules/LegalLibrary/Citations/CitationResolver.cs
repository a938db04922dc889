using System.Text.RegularExpressions;
using Training.Abstractions.Citations;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Citations;

/// <summary>Resolves lesson citations: <c>[[Luật An ninh mạng, Điều 8]]</c>, <c>[[24/2018/QH14 Điều 8 khoản 2]]</c>,
/// optionally <c>điểm a</c>. The document is a title (case- and diacritics-insensitive, comma optional) or a number.
/// Documents present only through pháp điển articles (Luật An toàn thông tin mạng 86/2015/QH13, decrees) resolve to
/// the pháp điển article whose source note names that article. Errors say in Vietnamese what was not found.</summary>
public sealed partial class CitationResolver(LegalLibraryReader reader) : ICitationResolver
{
    [GeneratedRegex(@"^(?<doc>.+?)[\s,]*\bdieu\s+(?<n>\d+[a-z]?)(?:[\s,]*\bkhoan\s+(?<k>\d+))?(?:[\s,]*\bdiem\s+(?<p>[a-z]{1,2}))?[\s.]*$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"\d{1,4}\s*/\s*(?:\d{4}\s*/\s*)?[a-z0-9]+(?:-[a-z0-9]+)*")]
    private static partial Regex NumberIn();

    public async Task<CitationResult> ResolveAsync(string citation, CancellationToken ct = default)
    {
        var text = VietnameseText.Clean(citation).Trim('[', ']', ' ');
        var folded = Folding.Fold(text);
        var m = Shape().Match(folded);
        if (!m.Success)
            return CitationResult.Fail($"Trích dẫn “{text}” không đúng cú pháp. Viết ví dụ: [[Luật An ninh mạng, Điều 8]] hoặc [[24/2018/QH14 Điều 8 khoản 2]].");
        var docText = text.Substring(m.Groups["doc"].Index, m.Groups["doc"].Length).Trim(' ', ',');
        var article = m.Groups["n"].Value;
        var clause = m.Groups["k"].Success ? m.Groups["k"].Value : null;
        var point = m.Groups["p"].Success ? text.Substring(m.Groups["p"].Index, m.Groups["p"].Length).ToLowerInvariant() : null;

        var target = await FindDocumentAsync(docText, ct);
        if (target is null) return CitationResult.Fail($"Không tìm thấy văn bản “{docText}” trong thư viện pháp luật.");
        var (doc, sourceNumber, name) = target.Value;

        LegalArticle? found = null;
        if (doc is not null)
        {
            var full = await reader.DocumentAsync(doc.Slug, ct);
            found = full?.Articles.FirstOrDefault(a => string.Equals(a.Number, article, StringComparison.OrdinalIgnoreCase));
            if (found is not null) found.Document = full;
        }
        if (found is null && sourceNumber is not null)
            found = (await reader.CopiesOfAsync(sourceNumber, article, ct)).FirstOrDefault();
        if (found is null) return CitationResult.Fail($"Không tìm thấy Điều {article} của {name} trong thư viện pháp luật.");

        var label = $"Điều {article} {name}";
        var anchor = "";
        if (clause is not null)
        {
            var structure = ArticleBody.Parse(found.Body);
            var c = structure.Clauses.FirstOrDefault(x => x.Number == clause);
            if (c is null) return CitationResult.Fail($"Điều {article} {name} không có khoản {clause}.");
            anchor = c.Anchor;
            label = $"Khoản {clause} {label}";
            if (point is not null)
            {
                var p = c.Points.FirstOrDefault(x => x.Letter == point);
                if (p is null) return CitationResult.Fail($"Khoản {clause} Điều {article} {name} không có điểm {point}.");
                anchor = p.Anchor;
                label = $"Điểm {point} {char.ToLowerInvariant(label[0])}{label[1..]}";
            }
        }
        else if (point is not null)
        {
            return CitationResult.Fail($"Trích dẫn điểm {point} cần ghi cả khoản, ví dụ: Điều {article} khoản 1 điểm {point}.");
        }
        var slug = found.Document!.Slug;
        var url = LegalLibraryReader.ArticleUrl(slug, found.Key) + (anchor.Length > 0 ? "#" + anchor : "");
        var title = found.Title.Length > 0 ? found.Title : found.Heading;
        return new CitationResult(true, url, title, label, LegalLibraryReader.ArticleKey(slug, found.Key), null);
    }

    /// <summary>The cited document: a library document (by number or title), and/or the number of a source document
    /// whose articles the library holds as pháp điển copies; with the name to show.</summary>
    private async Task<(LegalDocument? Doc, string? SourceNumber, string Name)?> FindDocumentAsync(string docText, CancellationToken ct)
    {
        var folded = Folding.Fold(docText);
        var number = NumberIn().Match(folded);
        if (number.Success)
        {
            var raw = docText.Substring(number.Index, number.Length).Replace(" ", "");
            var n = KnownDocuments.NormaliseDash(raw.ToUpperInvariant().Replace("NĐ", "NĐ"));
            var doc = await reader.DocumentByNumberAsync(n, ct);
            if (doc is not null) return (doc, null, ShortTitle(doc));
            var sources = await reader.SourceDocumentsAsync(ct);
            var source = sources.FirstOrDefault(s => string.Equals(s.Number, n, StringComparison.OrdinalIgnoreCase));
            if (source.Number is not null) return (null, source.Number, SourceName(source.Number, source.Title));
            return null;
        }

        var name = Folding.Fold(Regex.Replace(docText, @"^(theo|tại)\s+", "", RegexOptions.IgnoreCase)).Trim();
        var documents = await reader.DocumentsAsync(ct);
        foreach (var d in documents.Where(d => d.Format != "phapdien"))
        {
            var aliases = new List<string> { d.Title, ShortTitle(d) };
            if (d.AlqacLawId is not null) aliases.AddRange(KnownDocuments.ForAlqac(d.AlqacLawId).Aliases);
            if (aliases.Any(a => Folding.Fold(a) == name)) return (d, null, ShortTitle(d));
        }
        var titles = (await reader.SourceDocumentsAsync(ct)).Where(s => s.Title is not null).Select(s => (s.Number, Title: s.Title!))
            .Concat(KnownDocuments.Titles.Select(kv => (Number: kv.Key, Title: kv.Value)));
        foreach (var (num, title) in titles)
            if (Folding.Fold(title) == name) return (await reader.DocumentByNumberAsync(num, ct), num, title);
        return null;
    }

    private static string ShortTitle(LegalDocument d) => d.Title.Replace(" (văn bản hợp nhất)", "", StringComparison.Ordinal);

    private static string SourceName(string number, string? title) =>
        title is not null && (title.StartsWith("Luật", StringComparison.Ordinal) || title.StartsWith("Bộ luật", StringComparison.Ordinal))
            ? title
            : (title?.Split(' ') is { Length: > 1 } w ? (w[0] == "Nghị" || w[0] == "Thông" || w[0] == "Quyết" ? string.Join(' ', w.Take(2)) : w[0]) + " " : "") + number;
}
