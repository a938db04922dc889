using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Training.LegalLibrary.Import;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Search;

/// <summary>The term-at-a-time scorer must rank as Lucene's BM25 Boolean query of the same weighted terms does, count
/// what it matched once, and keep answering while an import replaces the index.</summary>
public sealed class TermAtATimeTests
{
    [Theory]
    [InlineData("các hành vi bị nghiêm cấm về an ninh mạng", false)]
    [InlineData("hanh vi bi nghiem cam ve an ninh mang", false)]
    [InlineData("định nghĩa viên chức là gì", false)]
    [InlineData("dinh nghia an toan thong tin mang", false)]
    // Folded weight 0: the folded definition-title terms then weigh 0 (a zero contribution must not count twice).
    [InlineData("dinh nghia an toan thong tin mang", true)]
    public void ScoresAndOrderAreLuceneBm25OfTheSameWeightedTerms(string text, bool zeroFolded)
    {
        using var library = new StandaloneIndex(LegalFixture.Corpus);
        var tuning = SearchTuning.Default with { NotInForceFactor = 1f, Folded = zeroFolded ? 0f : SearchTuning.Default.Folded };
        var gen = library.Index.Current!;
        var table = gen.Table;
        var plan = gen.Understanding.Understand(text, tuning);
        Assert.Empty(plan.FilterKeys);
        var clauses = LegalSearcher.Clauses(plan, tuning);
        Assert.Equal(zeroFolded, clauses.Any(c => c.Weight == 0));

        // Lucene: one SHOULD term query per clause with the clause's weight as boost, BM25, no coordination factor.
        var query = new BooleanQuery(disableCoord: true);
        foreach (var c in clauses) query.Add(new TermQuery(new Term(c.Field, c.Term)) { Boost = c.Weight }, Occur.SHOULD);
        var lucene = new IndexSearcher(gen.Searcher.IndexReader) { Similarity = new BM25Similarity(tuning.K1, tuning.B) };
        var expected = new Dictionary<int, float>();
        var total = 0;
        foreach (var sd in lucene.Search(query, table.Count).ScoreDocs)
        {
            if (!table.Copy[sd.Doc]) total++;
            // Copies fold into their source article with their best score, as the product does.
            var id = table.Canonical[sd.Doc];
            expected[id] = Math.Max(expected.GetValueOrDefault(id), sd.Score);
        }
        var ranked = expected.OrderByDescending(kv => kv.Value).ToList();
        Assert.NotEmpty(ranked);

        var outcome = library.Searcher.Search(new SearchQuery(text, PageSize: 100), tuning);
        Assert.Equal(total, outcome.Total);
        Assert.Equal(Math.Min(100, ranked.Count), outcome.Hits.Count);
        for (var i = 0; i < outcome.Hits.Count; i++)
        {
            var hit = outcome.Hits[i];
            Assert.True(expected.TryGetValue(hit.ArticleId, out var score), $"hit {i} (article {hit.ArticleId}) is not a Lucene match");
            Near(score, hit.Score, $"score of article {hit.ArticleId}");
            // Same order up to ties: the i-th hit has the i-th best Lucene score.
            Near(ranked[i].Value, hit.Score, $"score at rank {i + 1}");
        }
    }

    private static void Near(float expected, float actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5f * Math.Max(1f, Math.Abs(expected)), $"{what}: Lucene {expected}, term at a time {actual}");

    [Fact]
    public void SearchInsideAPhapDienDocumentCountsItsArticlesThatCopyALaw()
    {
        using var library = new StandaloneIndex(LegalFixture.Corpus);
        var (docs, articles) = InMemoryLibrary.Load(LegalFixture.Corpus);
        var topic = docs.Single(d => d.Format == "phapdien");
        var outcome = library.Searcher.Search(new SearchQuery("các hành vi bị nghiêm cấm", Document: topic.Slug, Facets: false));
        // Điều 3.1.LQ.8 copies Điều 8 of Luật An ninh mạng (in the library); inside the topic it is one of its results.
        var copy = articles.Single(a => a.DocumentId == topic.Id && a.Number == "3.1.LQ.8");
        Assert.Contains(outcome.Hits, h => h.ArticleId == copy.Id);
        Assert.Equal(outcome.Hits.Count, outcome.Total);
    }

    [Fact]
    public async Task SearchesKeepAnsweringWhileImportsReplaceTheIndex()
    {
        using var library = new StandaloneIndex(LegalFixture.Corpus);
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var searches = 0;
        // Dedicated threads: on a busy machine pool threads may not start before the rebuilds end.
        var workers = Enumerable.Range(0, 3).Select(w => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // Different texts: some terms are not cached yet in a new generation and are read from its reader.
                    var outcome = library.Searcher.Search(new SearchQuery(w == 0 ? "an ninh mạng" : w == 1 ? "vien chuc" : $"nghiêm cấm {Volatile.Read(ref searches) % 7}"));
                    if (!outcome.Ready || outcome.Hits.Count == 0) failures.Enqueue("no hits");
                    Interlocked.Increment(ref searches);
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex.GetType().Name + ": " + ex.Message);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            for (var i = 0; i < 15; i++)
            {
                // Each swap happens while searches are running: wait for a search after the previous one.
                var before = Volatile.Read(ref searches);
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref searches) > before, TimeSpan.FromSeconds(60)), "no search ran");
                library.Rebuild();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Distinct()));
        Assert.True(searches > 15, $"{searches} searches");
    }

    [Fact]
    public void AGenerationHeldByASearchStaysReadableAfterTheSwapAndClosesWhenReleased()
    {
        using var library = new StandaloneIndex(LegalFixture.Corpus);
        var old = library.Index.Current!;
        Assert.True(old.TryAcquire());
        library.Rebuild();
        Assert.NotSame(old, library.Index.Current);

        // Terms this generation never read: their postings come from its reader, still open for the holder.
        var plan = old.Understanding.Understand("quyền của viên chức về hoạt động nghề nghiệp", SearchTuning.Default);
        var outcome = TermAtATime.Run(old, plan, LegalSearcher.Clauses(plan, SearchTuning.Default), new SearchQuery(plan.Text), SearchTuning.Default);
        Assert.NotEmpty(outcome.Hits);
        old.Release();
        Assert.False(old.TryAcquire());
        Assert.NotEmpty(library.Searcher.Search(new SearchQuery("quyền của viên chức")).Hits);
    }

    [Fact]
    public void PostingsCacheStaysWithinItsBudgetByStartingOver()
    {
        using var library = new StandaloneIndex(LegalFixture.Corpus);
        var gen = library.Index.Current!;
        const long budget = 1_000;
        var cache = new PostingsCache(gen.Searcher.IndexReader, gen.Searcher, budget);
        foreach (var term in new[] { "an", "ninh", "mạng", "viên", "chức", "luật", "điều", "hành", "vi", "cấm", "quyền", "nghĩa" })
        {
            var postings = cache.Scored(IndexFields.Accented, term, 1.2f, 0.75f);
            Assert.Equal(gen.Postings.Scored(IndexFields.Accented, term, 1.2f, 0.75f).Docs, postings.Docs);
            Assert.InRange(cache.HeldBytes, 0, budget);
        }
        Assert.True(cache.Restarts > 0);
    }
}
