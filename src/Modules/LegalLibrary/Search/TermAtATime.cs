using System.Buffers;

namespace Training.LegalLibrary.Search;

/// <summary>Scores a query term at a time: each term's cached postings add their BM25 contribution into one
/// accumulator per article (<see cref="PostingsCache"/>); then one pass over the touched articles applies the facet
/// filters, counts the facets, applies the soft factors (named document, "in force first", a named article first),
/// folds copies into their source and keeps the page's top hits in a heap. Measured in docs/benchmarks-legal.md:
/// several times cheaper than Lucene's per-query weights and Boolean scorer on this library's long OR queries.</summary>
internal static class TermAtATime
{
    /// <summary>Added to the named article of a named document ("Điều 9 Luật An ninh mạng"): it comes first.</summary>
    private const float NamedArticleBoost = 10_000;
    private const byte Named = 1;
    private const byte NumberedArticle = 2;
    private const byte Topic = 4;
    private const byte Within = 8;
    /// <summary>In the touched list (a zero contribution, e.g. a clause of weight 0, must not add it twice).</summary>
    private const byte Touched = 16;

    public static SearchOutcome Run(LegalIndex.Generation gen, QueryPlan plan, IReadOnlyList<QueryClause> clauses, SearchQuery request, SearchTuning tuning)
    {
        var table = gen.Table;
        var n = table.Count;
        var acc = gen.Floats.Rent(n);
        var best = gen.Floats.Rent(n);
        var flags = gen.Bytes.Rent(n);
        var touched = ArrayPool<int>.Shared.Rent(n);
        var winners = ArrayPool<int>.Shared.Rent(n);
        var marked = new List<int[]>();
        var count = 0;
        var winnerCount = 0;
        try
        {
            foreach (var c in clauses)
            {
                var p = gen.Postings.Scored(c.Field, c.Term, tuning.K1, tuning.B);
                var docs = p.Docs;
                var scores = p.Scores;
                var w = c.Weight;
                for (var i = 0; i < docs.Length; i++)
                {
                    var d = docs[i];
                    if ((flags[d] & Touched) == 0) { flags[d] |= Touched; touched[count++] = d; }
                    acc[d] += w * scores[i];
                }
            }
            var named = plan.FilterKeys.Count > 0;
            if (named)
            {
                foreach (var key in plan.FilterKeys) marked.Add(Mark(gen, flags, key, Named));
                if (plan.ArticleKeys.Count > 0) foreach (var key in plan.ArticleKeys) marked.Add(Mark(gen, flags, key, NumberedArticle));
                // Only a document named and nothing else asked: its articles in order.
                if (clauses.Count == 0)
                    foreach (var docs in marked)
                        foreach (var d in docs)
                            if ((flags[d] & (Named | Touched)) == Named) { flags[d] |= Touched; touched[count++] = d; acc[d] = 1f / (1 + d); }
            }

            foreach (var key in plan.TopicKeys) marked.Add(Mark(gen, flags, key, Topic));
            var within = request.Document is not null;
            // The document's own articles (the "d:" keys also hold pháp điển copies of its articles).
            if (within) marked.Add(Mark(gen, flags, IndexFields.Doc, request.Document!, Within));

            var filters = Filters(table, request);
            var counts = request.Facets ? table.FacetValues.Select(v => new int[v.Length]).ToArray() : null;
            var total = 0;
            for (var i = 0; i < count; i++)
            {
                var d = touched[i];
                if (!Passes(table, filters, d)) continue;
                var flag = flags[d];
                if (named && tuning.NamedFilters && (flag & Named) == 0) continue;
                if (within && (flag & Within) == 0) continue;
                // Copies are counted under their source, except inside one document (they are its articles).
                if (within || !table.Copy[d])
                {
                    total++;
                    if (counts is not null)
                        for (var f = 0; f < counts.Length; f++)
                            if (table.FacetOrd[f][d] is var o and >= 0) counts[f][o]++;
                }
                var s = acc[d];
                if (!table.InForce[d]) s *= tuning.NotInForceFactor;
                if ((flag & Named) != 0 && !tuning.NamedFilters) s *= tuning.NamedBoost;
                if ((flag & (Named | NumberedArticle)) == (Named | NumberedArticle)) s += NamedArticleBoost;
                if ((flag & Topic) != 0) s *= tuning.TopicBoost;
                if (s <= 0) s = float.Epsilon;
                // Copies fold into their source, except inside one document (its own articles are what is asked for).
                var canonical = within ? d : table.CanonicalDoc[d];
                if (best[canonical] == 0) winners[winnerCount++] = canonical;
                if (s > best[canonical]) best[canonical] = s;
            }

            var pageSize = Math.Clamp(request.PageSize, 1, 100);
            var page = Math.Max(1, request.Page);
            var k = Math.Min(page * pageSize, 2000);
            var heap = new PriorityQueue<int, (float Score, int Doc)>(k + 1, Worst.Instance);
            for (var i = 0; i < winnerCount; i++)
            {
                var d = winners[i];
                heap.Enqueue(d, (best[d], d));
                if (heap.Count > k) heap.Dequeue();
            }
            var ranked = new SearchHit[heap.Count];
            for (var i = ranked.Length - 1; i >= 0; i--)
            {
                heap.TryDequeue(out var d, out var key);
                ranked[i] = new SearchHit(within ? table.ArticleId[d] : table.Canonical[d], key.Score, table.LawId[d], table.AlqacArticleId[d]);
            }
            var hits = ranked.Skip((page - 1) * pageSize).ToList();
            return new SearchOutcome(true, hits, total, Facets(table, counts), plan);
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                acc[touched[i]] = 0;
                flags[touched[i]] = 0;
            }
            for (var i = 0; i < winnerCount; i++) best[winners[i]] = 0;
            foreach (var docs in marked) foreach (var d in docs) flags[d] = 0;
            gen.Floats.Return(acc);
            gen.Floats.Return(best);
            gen.Bytes.Return(flags);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<int>.Shared.Return(winners);
        }
    }

    private static int[] Mark(LegalIndex.Generation gen, byte[] flags, string key, byte flag) => Mark(gen, flags, IndexFields.Filter, key, flag);

    private static int[] Mark(LegalIndex.Generation gen, byte[] flags, string field, string key, byte flag)
    {
        var docs = gen.Postings.Docs(field, key);
        foreach (var d in docs) flags[d] |= flag;
        return docs;
    }

    /// <summary>The requested facet value per facet (−2: no filter; −1: a value no article has, so nothing passes).</summary>
    private static int[] Filters(ArticleTable table, SearchQuery request)
    {
        var wanted = new[] { request.Type, request.Status, request.Issuer, request.Year };
        return IndexFields.Facets.Select((_, f) => string.IsNullOrEmpty(wanted[f]) ? -2 : table.Ordinal(f, wanted[f]!)).ToArray();
    }

    private static bool Passes(ArticleTable table, int[] filters, int d)
    {
        for (var f = 0; f < filters.Length; f++)
            if (filters[f] != -2 && table.FacetOrd[f][d] != filters[f]) return false;
        return true;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>> Facets(ArticleTable table, int[][]? counts)
    {
        var result = new Dictionary<string, IReadOnlyList<(string, int)>>();
        if (counts is null) return result;
        for (var f = 0; f < counts.Length; f++)
        {
            var c = counts[f];
            var values = table.FacetValues[f];
            result[IndexFields.Facets[f]] = Enumerable.Range(0, c.Length).Where(o => c[o] > 0)
                .OrderByDescending(o => c[o]).ThenBy(o => values[o], StringComparer.Ordinal).Select(o => (values[o], c[o])).ToList();
        }
        return result;
    }

    /// <summary>Heap order: the worst hit on top (lower score, then the later document: Lucene's tie-break).</summary>
    private sealed class Worst : IComparer<(float Score, int Doc)>
    {
        public static readonly Worst Instance = new();

        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }
}
