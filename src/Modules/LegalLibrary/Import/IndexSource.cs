using Microsoft.EntityFrameworkCore;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Import;

/// <summary>Turns the library in the database into index entries: relates pháp điển copies to their source article
/// when the source document is in the library (by number, aliases included), computes each article's validity on the
/// day, and lists the names and numbers a query may use to name a document.</summary>
public static class IndexSource
{
    public static async Task<(List<IndexEntry> Entries, List<NamedDocument> Catalog)> LoadAsync(LegalLibraryDbContext db, DateOnly today, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().OrderBy(d => d.Ordinal).ToListAsync(ct);
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.DocumentId).ThenBy(a => a.Ordinal).ToListAsync(ct);
        return Build(documents, articles, today);
    }

    public static (List<IndexEntry> Entries, List<NamedDocument> Catalog) Build(IReadOnlyList<LegalDocument> documents, IReadOnlyList<LegalArticle> articles, DateOnly today)
    {
        var docById = documents.ToDictionary(d => d.Id);
        var byNumber = new Dictionary<string, LegalDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in documents.Where(d => d.Number.Length > 0 && d.Format != "phapdien")) byNumber.TryAdd(d.Number, d);
        foreach (var (alias, number) in KnownDocuments.NumberAliases)
            if (byNumber.TryGetValue(number, out var target)) byNumber.TryAdd(alias, target);
        var articleByDocNumber = articles.GroupBy(a => (a.DocumentId, a.Number)).ToDictionary(g => g.Key, g => g.First());

        var entries = new List<IndexEntry>(articles.Count);
        foreach (var a in articles)
        {
            var doc = docById[a.DocumentId];
            var canonical = a;
            if (a.SourceNumber is not null && a.SourceArticle is not null && byNumber.TryGetValue(a.SourceNumber, out var src)
                && src.Id != doc.Id && articleByDocNumber.TryGetValue((src.Id, a.SourceArticle), out var original))
                canonical = original;
            var canonicalDoc = docById[canonical.DocumentId];
            var filters = new List<string> { "d:" + doc.Slug, "d:" + canonicalDoc.Slug };
            foreach (var n in NumbersOf(doc).Concat(NumbersOf(canonicalDoc))) filters.Add(NumberKey(n));
            if (a.SourceNumber is not null) filters.Add(NumberKey(a.SourceNumber));
            // "Điều 8 Luật An ninh mạng": the article number as the query names it (the source's number for copies).
            foreach (var number in new[] { a.Number, canonical.Number, a.SourceArticle })
                if (number is { Length: > 0 } && char.IsAsciiDigit(number[0])) filters.Add(ArticleKey(number));
            var status = StatusOf(doc, a, today);
            var year = (a.SourceNumber is not null ? YearOf(a.SourceNumber) : null) ?? doc.IssueDate?.Year;
            entries.Add(new IndexEntry(a.Id, canonical.Id, doc.Slug, filters, a.SourceNumber is not null ? SourceType(a.SourceNote) ?? doc.Type : doc.Type,
                StatusKeys.Of(status), doc.Issuer, year, a.Title, a.Body, canonicalDoc.AlqacLawId, canonical.AlqacArticleId));
        }
        return (entries, Catalog(documents, articles));
    }

    /// <summary>A pháp điển article is as valid as the document it was taken from.</summary>
    public static ValidityStatus StatusOf(LegalDocument doc, LegalArticle a, DateOnly today)
    {
        if (a.SourceNumber is null) return doc.StatusOn(today);
        var r = KnownDocuments.ReplacementOf(a.SourceNumber);
        return r is not null && (r.From is null || r.From <= today) ? ValidityStatus.Replaced : ValidityStatus.InForce;
    }

    private static IEnumerable<string> NumbersOf(LegalDocument d)
    {
        if (d.Number.Length == 0) yield break;
        yield return d.Number;
        foreach (var (alias, number) in KnownDocuments.NumberAliases)
            if (string.Equals(number, d.Number, StringComparison.OrdinalIgnoreCase)) yield return alias;
    }

    /// <summary>Filter key of an article number ("8" → <c>a:8</c>).</summary>
    public static string ArticleKey(string number) => "a:" + number.ToLowerInvariant();

    public static string NumberKey(string number) => "n:" + KnownDocuments.NormaliseDash(number).ToLowerInvariant();

    private static int? YearOf(string number)
    {
        var parts = number.Split('/');
        return parts.Length > 1 && parts[1].Length == 4 && int.TryParse(parts[1], out var y) ? y : null;
    }

    private static string? SourceType(string? note)
    {
        if (note is null) return null;
        foreach (var t in new[] { "Thông tư liên tịch", "Thông tư", "Nghị định", "Quyết định", "Bộ luật", "Luật", "Nghị quyết" })
            if (note.Contains(" " + t + " số", StringComparison.Ordinal)) return t;
        return null;
    }

    private static List<NamedDocument> Catalog(IReadOnlyList<LegalDocument> documents, IReadOnlyList<LegalArticle> articles)
    {
        var catalog = new List<NamedDocument>();
        foreach (var d in documents)
        {
            if (d.Format == "phapdien")
            {
                catalog.Add(new(d.Title, "d:" + d.Slug));
                continue;
            }
            var key = "d:" + d.Slug;
            if (d.Format == "alqac")
            {
                catalog.Add(new(d.Title, key));
                if (d.Number.Length > 0) catalog.Add(new(d.Number, NumberKey(d.Number)));
                foreach (var alias in KnownDocuments.ForAlqac(d.AlqacLawId ?? d.Title).Aliases) catalog.Add(new(alias, alias.Contains('/') ? NumberKey(alias) : key));
            }
            else if (d.Number.Length > 0) catalog.Add(new(d.Number, NumberKey(d.Number)));
        }
        foreach (var g in articles.Where(a => a.SourceNumber is not null).GroupBy(a => a.SourceNumber!, StringComparer.OrdinalIgnoreCase))
        {
            catalog.Add(new(g.Key, NumberKey(g.Key)));
            var title = g.Select(a => a.SourceTitle).FirstOrDefault(t => t is not null);
            // Only laws are named by their title in queries; decrees and circulars are named by number.
            if (title is not null && (title.StartsWith("Luật ", StringComparison.Ordinal) || title.StartsWith("Bộ luật ", StringComparison.Ordinal)))
                catalog.Add(new(title, NumberKey(g.Key)));
        }
        return catalog.Where(c => VietnameseText.Fold(c.Alias).Length > 3).DistinctBy(c => (VietnameseText.Fold(c.Alias), c.FilterKey)).ToList();
    }
}
