using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Citations;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Citations;

/// <summary>Answers the validity of cited documents on a day. An article of a library document takes that document's
/// replacement; a pháp điển article takes its source document's (the library's row when it holds that document,
/// else the known replacements table), because the lesson teaches the source law.</summary>
public sealed class CitationValidityService(LegalLibraryDbContext db) : ICitationValidity
{
    public async Task<IReadOnlyDictionary<string, CitedDocument>> ValidityAsync(IReadOnlyCollection<string> articleKeys, DateOnly asOf,
        int withinDays, CancellationToken ct = default)
    {
        var wanted = articleKeys.Distinct().Select(k => (Key: k, Cut: k.IndexOf('/'))).Where(k => k.Cut > 0)
            .Select(k => (k.Key, Slug: k.Key[..k.Cut], Article: k.Key[(k.Cut + 1)..])).ToList();
        if (wanted.Count == 0) return new Dictionary<string, CitedDocument>();
        var slugs = wanted.Select(w => w.Slug).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => slugs.Contains(a.Document!.Slug))
            .Select(a => new { a.Document!.Slug, a.Key, a.SourceNumber, a.SourceTitle, a.DocumentId }).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => d.Number != "" && d.Format != "phapdien").ToListAsync(ct);
        var bySlug = await db.Documents.AsNoTracking().Where(d => slugs.Contains(d.Slug)).ToDictionaryAsync(d => d.Slug, ct);
        var byNumber = documents.GroupBy(d => d.Number, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var recorded = DocumentMetadata.Replacements(documents);
        var result = new Dictionary<string, CitedDocument>();
        foreach (var (key, slug, articleKey) in wanted)
        {
            var article = articles.FirstOrDefault(a => a.Slug == slug && a.Key == articleKey);
            if (article is null || !bySlug.TryGetValue(slug, out var doc)) continue;
            var own = doc.Format != "phapdien" && doc.Number.Length > 0;
            var number = own ? doc.Number : article.SourceNumber;
            if (number is null) continue;
            var source = own ? doc : byNumber.GetValueOrDefault(KnownDocuments.NormaliseDash(number));
            var title = source?.Title ?? article.SourceTitle ?? KnownDocuments.Titles.GetValueOrDefault(number) ?? number;
            var replacement = source is not null
                ? (source.ReplacedBy is { } by ? new KnownDocuments.Replacement(by, source.ReplacedFrom) : null)
                : recorded.GetValueOrDefault(number) ?? KnownDocuments.ReplacementOf(number);
            result[key] = Judge(number, title, replacement, source?.Expired == true, asOf, withinDays, byNumber);
        }
        return result;
    }

    private static CitedDocument Judge(string number, string title, KnownDocuments.Replacement? replacement, bool expired, DateOnly asOf,
        int withinDays, Dictionary<string, LegalDocument> byNumber)
    {
        if (replacement is { } r)
        {
            var byTitle = byNumber.GetValueOrDefault(r.ReplacedBy)?.Title ?? KnownDocuments.Titles.GetValueOrDefault(r.ReplacedBy);
            var validity = r.From is not { } from || from <= asOf ? CitationValidity.Replaced
                : from <= asOf.AddDays(withinDays) ? CitationValidity.ChangesSoon
                : CitationValidity.InForce;
            return new CitedDocument(number, title, validity, r.From, r.ReplacedBy, byTitle);
        }
        return new CitedDocument(number, title, expired ? CitationValidity.Expired : CitationValidity.InForce, null, null, null);
    }
}
