using Microsoft.Extensions.Caching.Memory;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Search;

/// <summary>The articles search results show (title, document, body for the snippet), kept in memory up to a size
/// budget so a results page does not query the database for articles it showed recently. Entries belong to one index
/// generation: an import that changes the library starts a new generation, so nothing stale is shown.</summary>
public sealed class ArticleCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 32_000_000 });

    /// <summary>The articles with these ids (with their documents), from memory or else from the database.</summary>
    public async Task<Dictionary<int, LegalArticle>> GetAsync(object generation, IReadOnlyList<int> ids, LegalLibraryReader reader, CancellationToken ct)
    {
        var result = new Dictionary<int, LegalArticle>(ids.Count);
        List<int>? missing = null;
        foreach (var id in ids)
        {
            if (_cache.TryGetValue((generation, id), out LegalArticle? a) && a is not null) result[id] = a;
            else (missing ??= []).Add(id);
        }
        if (missing is null) return result;
        foreach (var (id, a) in await reader.ArticlesAsync(missing, ct))
        {
            result[id] = a;
            // Size in characters: the body dominates.
            _cache.Set((generation, id), a, new MemoryCacheEntryOptions { Size = a.Body.Length + a.Title.Length + 200 });
        }
        return result;
    }

    public void Dispose() => _cache.Dispose();
}
