using Microsoft.EntityFrameworkCore;
using Training.LegalLibrary.Corpus;

namespace Training.LegalLibrary.Data;

/// <summary>Read side of the library for pages, the API and citations.</summary>
public sealed class LegalLibraryReader(LegalLibraryDbContext db)
{
    public static string DocumentUrl(string slug) => $"/legal/{slug}";

    public static string ArticleUrl(string slug, string key) => $"/legal/{slug}/{key}";

    /// <summary>The stable key of an article used by citing lessons: document slug and article key.</summary>
    public static string ArticleKey(string slug, string key) => $"{slug}/{key}";

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.Articles.AnyAsync(ct);

    public Task<LegalDocument?> DocumentAsync(string slug, CancellationToken ct = default) =>
        db.Documents.AsNoTracking().Include(d => d.Articles.OrderBy(a => a.Ordinal)).FirstOrDefaultAsync(d => d.Slug == slug, ct);

    public async Task<LegalArticle?> ArticleAsync(string slug, string key, CancellationToken ct = default) =>
        await db.Articles.AsNoTracking().Include(a => a.Document).FirstOrDefaultAsync(a => a.Document!.Slug == slug && a.Key == key, ct);

    public async Task<Dictionary<int, LegalArticle>> ArticlesAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var list = ids.ToList();
        return await db.Articles.AsNoTracking().Include(a => a.Document).Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
    }

    /// <summary>Neighbouring articles of the same document, for navigation.</summary>
    public async Task<(LegalArticle? Previous, LegalArticle? Next)> NeighboursAsync(LegalArticle a, CancellationToken ct = default)
    {
        var prev = await db.Articles.AsNoTracking().Where(x => x.DocumentId == a.DocumentId && x.Ordinal < a.Ordinal).OrderByDescending(x => x.Ordinal).FirstOrDefaultAsync(ct);
        var next = await db.Articles.AsNoTracking().Where(x => x.DocumentId == a.DocumentId && x.Ordinal > a.Ordinal).OrderBy(x => x.Ordinal).FirstOrDefaultAsync(ct);
        return (prev, next);
    }

    /// <summary>Documents in the library with the given number (aliases of consolidated texts included).</summary>
    public async Task<LegalDocument?> DocumentByNumberAsync(string number, CancellationToken ct = default)
    {
        var n = KnownDocuments.NormaliseDash(number);
        if (KnownDocuments.NumberAliases.TryGetValue(n, out var target)) n = target;
        var docs = await db.Documents.AsNoTracking().Where(d => d.Number != "" && d.Format != "phapdien").ToListAsync(ct);
        return docs.FirstOrDefault(d => string.Equals(d.Number, n, StringComparison.OrdinalIgnoreCase));
    }

    public Task<List<LegalDocument>> DocumentsAsync(CancellationToken ct = default) =>
        db.Documents.AsNoTracking().OrderBy(d => d.Ordinal).ToListAsync(ct);

    /// <summary>Pháp điển articles taken from the given source article.</summary>
    public async Task<List<LegalArticle>> CopiesOfAsync(string sourceNumber, string sourceArticle, CancellationToken ct = default)
    {
        var n = KnownDocuments.NormaliseDash(sourceNumber);
        var numbers = KnownDocuments.NumberAliases.Where(kv => string.Equals(kv.Value, n, StringComparison.OrdinalIgnoreCase)).Select(kv => kv.Key).Append(n).ToList();
        return await db.Articles.AsNoTracking().Include(a => a.Document)
            .Where(a => a.SourceNumber != null && numbers.Contains(a.SourceNumber) && a.SourceArticle == sourceArticle)
            .OrderBy(a => a.Id).ToListAsync(ct);
    }

    /// <summary>The articles the library has of a document by its number: its own articles when the document is in
    /// the library, and the pháp điển articles taken from it.</summary>
    public async Task<List<LegalArticle>> ArticlesOfNumberAsync(string number, CancellationToken ct = default)
    {
        var n = KnownDocuments.NormaliseDash(number);
        var doc = await DocumentByNumberAsync(n, ct);
        var own = doc is null ? [] : await db.Articles.AsNoTracking().Include(a => a.Document).Where(a => a.DocumentId == doc.Id).OrderBy(a => a.Ordinal).ToListAsync(ct);
        var copies = await db.Articles.AsNoTracking().Include(a => a.Document).Where(a => a.SourceNumber == n).OrderBy(a => a.Id).ToListAsync(ct);
        return [.. own, .. copies];
    }

    /// <summary>Distinct source documents named by pháp điển notes: number and title.</summary>
    public async Task<List<(string Number, string? Title)>> SourceDocumentsAsync(CancellationToken ct = default)
    {
        var rows = await db.Articles.AsNoTracking().Where(a => a.SourceNumber != null)
            .Select(a => new { a.SourceNumber, a.SourceTitle }).Distinct().ToListAsync(ct);
        return rows.GroupBy(r => r.SourceNumber!).Select(g => (g.Key, g.Select(x => x.SourceTitle).FirstOrDefault(t => t != null))).ToList();
    }
}
