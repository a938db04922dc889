using Microsoft.Extensions.Caching.Memory;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Search;

/// <summary>The articles search results show (title, document, body for the snippet), kept in memory up to a budget in
/// bytes so a results page does not query the database for articles it showed recently. Entries belong to one index
/// generation (keyed by its number, so a replaced generation is not kept alive by the cache): the first request of a
/// newer generation empties the cache, and requests still running on an older one read the database without caching.</summary>
public sealed class ArticleCache : IDisposable
{
    /// <summary>Per entry besides its strings: the article and document objects, string headers, the cache entry.</summary>
    private const long EntryOverhead = 800;
    private readonly MemoryCache _cache;
    private long _generation;

    public ArticleCache() : this(64L << 20) { }

    internal ArticleCache(long budgetBytes) => _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = budgetBytes, TrackStatistics = true });

    /// <summary>Estimated bytes held (at most the budget).</summary>
    internal long Size => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    internal int Count => _cache.Count;

    /// <summary>The articles with these ids (with their documents), from memory or else from the database.</summary>
    public async Task<Dictionary<int, LegalArticle>> GetAsync(long generation, IReadOnlyList<int> ids, LegalLibraryReader reader, CancellationToken ct)
    {
        var current = Volatile.Read(ref _generation);
        if (generation > current && Interlocked.CompareExchange(ref _generation, generation, current) == current)
        {
            _cache.Compact(1.0);
            current = generation;
        }
        var cacheable = generation >= current;
        var result = new Dictionary<int, LegalArticle>(ids.Count);
        List<int>? missing = null;
        foreach (var id in ids)
        {
            if (cacheable && _cache.TryGetValue((generation, id), out LegalArticle? a) && a is not null) result[id] = a;
            else (missing ??= []).Add(id);
        }
        if (missing is null) return result;
        foreach (var (id, a) in await reader.ArticlesAsync(missing, ct))
        {
            result[id] = a;
            if (cacheable) _cache.Set((generation, id), a, new MemoryCacheEntryOptions { Size = SizeOf(a) });
        }
        return result;
    }

    /// <summary>Bytes an article and its document hold: UTF-16 strings plus a fixed overhead per entry.</summary>
    internal static long SizeOf(LegalArticle a)
    {
        long chars = a.Key.Length + a.Number.Length + a.Title.Length + a.Body.Length + a.Path.Length + a.ContentHash.Length
            + (a.SourceNote?.Length ?? 0) + (a.SourceNumber?.Length ?? 0) + (a.SourceArticle?.Length ?? 0) + (a.SourceTitle?.Length ?? 0)
            + (a.AlqacArticleId?.Length ?? 0);
        if (a.Document is { } d)
            chars += d.Slug.Length + d.Number.Length + d.Type.Length + d.Title.Length + d.Issuer.Length + d.Format.Length + d.SourceFile.Length
                + (d.ReplacedBy?.Length ?? 0) + (d.AlqacLawId?.Length ?? 0);
        return 2 * chars + EntryOverhead;
    }

    public void Dispose() => _cache.Dispose();
}
