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
/// up to a budget in bytes, so a query is a term-at-a-time sum over arrays instead of Lucene's per-query weight creation
/// and Boolean scorer machinery. Hand-written because no served package scores this way; Lucene remains the index, its
/// analysis and its BM25 formula. Past the budget (adversarial query streams), the cache starts over. Thread-safe:
/// entries are immutable; two threads reading the same term at once both read it and one copy is kept.</summary>
internal sealed class PostingsCache(IndexReader reader, IndexSearcher searcher, long budgetBytes = PostingsCache.DefaultBudgetBytes)
{
    /// <summary>256 MB: every term of every query of the 4,214-article library fits many times over; at 100,000
    /// articles a common syllable's postings take ~0.8 MB (docs/benchmarks-legal.md).</summary>
    public const long DefaultBudgetBytes = 256L << 20;
    private const int EntryOverhead = 100;
    private readonly ConcurrentDictionary<(string Field, string Term, float K1, float B), ScoredPostings> _scored = new();
    private readonly ConcurrentDictionary<(string Field, string Term), int[]> _docs = new();
    private long _held;
    private int _restarts;

    /// <summary>Bytes of postings held (approximately; at most the budget plus the entries being added).</summary>
    public long HeldBytes => Interlocked.Read(ref _held);

    /// <summary>How often the cache went past its budget and started over.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Documents holding the term and their BM25 score for it (weight 1).</summary>
    public ScoredPostings Scored(string field, string term, float k1, float b)
    {
        if (_scored.TryGetValue((field, term, k1, b), out var cached)) return cached;
        var read = Read(field, term, k1, b);
        return Remember(_scored, (field, term, k1, b), read, 8L * read.Docs.Length + 2 * term.Length);
    }

    /// <summary>Documents holding an untokenised key (named-document and article keys).</summary>
    public int[] Docs(string field, string term)
    {
        if (_docs.TryGetValue((field, term), out var cached)) return cached;
        var read = ReadDocs(field, term);
        return Remember(_docs, (field, term), read, 4L * read.Length + 2 * term.Length);
    }

    private TValue Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map, TKey key, TValue value, long bytes) where TKey : notnull where TValue : class
    {
        var kept = map.GetOrAdd(key, value);
        // Another thread stored the same term first: its copy is counted already.
        if (!ReferenceEquals(kept, value)) return kept;
        if (Interlocked.Add(ref _held, bytes + EntryOverhead) > budgetBytes)
        {
            _scored.Clear();
            _docs.Clear();
            Interlocked.Exchange(ref _held, 0);
            Interlocked.Increment(ref _restarts);
        }
        return kept;
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
