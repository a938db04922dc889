using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Search;

public sealed class ArticleCacheTests
{
    /// <summary>The fixture library: every article id and the reader of a request scope.</summary>
    private static async Task WithLibraryAsync(Func<List<int>, LegalLibraryReader, Task> test)
    {
        using var app = await LegalFixture.CreateAsync();
        await app.WithScopeAsync(async sp =>
        {
            var ids = await sp.GetRequiredService<LegalLibraryDbContext>().Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            await test(ids, sp.GetRequiredService<LegalLibraryReader>());
        });
    }

    [Fact]
    public Task CacheHoldsNoMoreThanItsBudgetAndStillReturnsEveryArticle() =>
        WithLibraryAsync(async (ids, reader) =>
        {
            var all = await reader.ArticlesAsync(ids);
            var sizes = all.Values.Select(ArticleCache.SizeOf).OrderDescending().ToList();
            var budget = sizes.Take(3).Sum();
            Assert.True(sizes.Sum() > budget);
            using var cache = new ArticleCache(budget);

            var result = await cache.GetAsync(1, ids, reader, CancellationToken.None);
            Assert.Equal(ids, result.Keys.Order());
            Assert.InRange(cache.Size, 1, budget);
            Assert.InRange(cache.Count, 1, ids.Count - 1);
        });

    [Fact]
    public Task ANewIndexGenerationEmptiesTheCacheAndAnOlderOneNoLongerFillsIt() =>
        WithLibraryAsync(async (ids, reader) =>
        {
            using var cache = new ArticleCache();

            await cache.GetAsync(1, ids, reader, CancellationToken.None);
            Assert.Equal(ids.Count, cache.Count);
            await cache.GetAsync(2, ids.Take(1).ToList(), reader, CancellationToken.None);
            Assert.Equal(1, cache.Count);
            // A search that started before the swap still gets its articles, without refilling the cache.
            var late = await cache.GetAsync(1, ids, reader, CancellationToken.None);
            Assert.Equal(ids.Count, late.Count);
            Assert.Equal(1, cache.Count);
        });
}
