using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Training.LegalLibrary.Search;

/// <summary>A term's postings with each article's BM25 contribution at weight 1, computed once by Lucene's own
/// <see cref="BM25Similarity"/> scorer (so scores are Lucene's to the bit) and kept for the index generation.</summary>
internal sealed record ScoredPostings(int[] Docs, float[] Scores)
{
    public static readonly ScoredPostings Empty = new([], []);
}

/// <summary>Postings of the terms queries use, read from the (immutable) index generation once and kept in memory
/// up to a budget, so a query is a term-at-a-time sum over arrays instead of Lucene's per-query weight creation and
/// Boolean scorer machinery. Hand-written because no served package scores this way; Lucene remains the index, its
/// analysis and its BM25 formula. Past the budget (adversarial query streams), the cache starts over.</summary>
internal sealed class PostingsCache(IndexReader reader, IndexSearcher searcher, long budgetPostings = 40_000_000)
{
    private readonly ConcurrentDictionary<(string Field, string Term, float K1, float B), ScoredPostings> _scored = new();
    private readonly ConcurrentDictionary<(string Field, string Term), int[]> _docs = new();
    private long _held;

    /// <summary>Documents holding the term and their BM25 score for it (weight 1).</summary>
    public ScoredPostings Scored(string field, string term, float k1, float b) =>
        _scored.TryGetValue((field, term, k1, b), out var p) ? p : Remember(_scored, (field, term, k1, b), Read(field, term, k1, b), p => p.Docs.Length);

    /// <summary>Documents holding an untokenised key (named-document and article keys).</summary>
    public int[] Docs(string field, string term) =>
        _docs.TryGetValue((field, term), out var d) ? d : Remember(_docs, (field, term), ReadDocs(field, term), d => d.Length);

    private TValue Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map, TKey key, TValue value, Func<TValue, int> size) where TKey : notnull
    {
        if (Interlocked.Add(ref _held, size(value) + 8) > budgetPostings)
        {
            _scored.Clear();
            _docs.Clear();
            Interlocked.Exchange(ref _held, 0);
        }
        return map.GetOrAdd(key, value);
    }

    private ScoredPostings Read(string field, string text, float k1, float b)
    {
        var term = new Term(field, text);
        var context = TermContext.Build(reader.Context, term);
        if (context.DocFreq == 0) return ScoredPostings.Empty;
        var similarity = new BM25Similarity(k1, b);
        var weight = similarity.ComputeWeight(1f, searcher.CollectionStatistics(field), searcher.TermStatistics(term, context));
        weight.Normalize(1f, 1f);
        var docs = new List<int>(context.DocFreq);
        var scores = new List<float>(context.DocFreq);
        foreach (var leaf in reader.Leaves)
        {
            var postings = leaf.AtomicReader.GetTermDocsEnum(term);
            if (postings is null) continue;
            var scorer = similarity.GetSimScorer(weight, leaf);
            int doc;
            while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                docs.Add(leaf.DocBase + doc);
                scores.Add(scorer.Score(doc, postings.Freq));
            }
        }
        return new ScoredPostings([.. docs], [.. scores]);
    }

    private int[] ReadDocs(string field, string text)
    {
        var term = new Term(field, text);
        var docs = new List<int>();
        foreach (var leaf in reader.Leaves)
        {
            var postings = leaf.AtomicReader.GetTermDocsEnum(term);
            if (postings is null) continue;
            int doc;
            while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) docs.Add(leaf.DocBase + doc);
        }
        return [.. docs];
    }
}
