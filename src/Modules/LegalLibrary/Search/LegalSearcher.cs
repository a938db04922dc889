using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Training.LegalLibrary.Search;

/// <summary>A search request: text, optional filters (facet values) and the page.</summary>
public sealed record SearchQuery(string Text, string? Type = null, string? Status = null, string? Issuer = null, string? Year = null, int Page = 1, int PageSize = 10, bool Facets = true);

/// <summary>One result: an article (copies folded into their source), its score and the ALQAC ids when it has them.</summary>
public sealed record SearchHit(int ArticleId, float Score, string? LawId, string? AlqacArticleId);

public sealed record SearchOutcome(
    bool Ready, IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>> Facets, QueryPlan? Plan)
{
    public static SearchOutcome NotReady { get; } = new(false, [], 0, new Dictionary<string, IReadOnlyList<(string, int)>>(), null);
}

/// <summary>Runs queries against the live index: query understanding, the two-field (accented/folded) BM25 query with
/// syllable bigrams, facet filters and counts, copies folded into their source article, "in force first" as a soft factor.</summary>
public sealed class LegalSearcher(LegalIndex index)
{
    static LegalSearcher() => BooleanQuery.MaxClauseCount = 8192;

    public bool IsReady => index.IsReady;

    public SearchOutcome Search(SearchQuery request, SearchTuning? tuning = null)
    {
        tuning ??= SearchTuning.Default;
        var gen = index.Current;
        if (gen is null) return SearchOutcome.NotReady;
        var plan = gen.Understanding.Understand(request.Text, tuning);
        var query = BuildQuery(plan, request, tuning);
        if (query is null) return new SearchOutcome(true, [], 0, new Dictionary<string, IReadOnlyList<(string, int)>>(), plan);

        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var page = Math.Max(1, request.Page);
        // Copies collapse into their source, so ask for more than the page needs.
        var wanted = Math.Min(page * pageSize * 2 + 20, 2000);
        var searcher = gen.Manager.Acquire();
        try
        {
            var s = tuning.K1 == 1.2f && tuning.B == 0.75f ? searcher
                : new IndexSearcher(searcher.IndexReader) { Similarity = gen.Similarities.GetOrAdd((tuning.K1, tuning.B), k => new BM25Similarity(k.Item1, k.Item2)) };
            var top = TopScoreDocCollector.Create(wanted, !request.Facets);
            var facets = request.Facets ? new FacetCounter() : null;
            // Without facets the top-k collector alone lets Lucene score out of order (faster for long OR queries).
            if (facets is null) s.Search(query, top);
            else s.Search(query, MultiCollector.Wrap(top, facets));
            var hits = new List<SearchHit>();
            var seen = new Dictionary<int, int>();
            foreach (var sd in top.GetTopDocs().ScoreDocs)
            {
                var d = s.Doc(sd.Doc);
                var canonical = d.GetField(IndexFields.Canonical).GetInt32Value() ?? 0;
                var score = sd.Score * (d.Get("status") == StatusKeys.InForce ? 1f : tuning.NotInForceFactor);
                var hit = new SearchHit(canonical, score, d.Get(IndexFields.LawId), d.Get(IndexFields.ArticleId));
                if (seen.TryGetValue(canonical, out var at))
                {
                    if (hits[at].Score < score) hits[at] = hit;
                    continue;
                }
                seen[canonical] = hits.Count;
                hits.Add(hit);
            }
            var ordered = hits.OrderByDescending(h => h.Score).Skip((page - 1) * pageSize).Take(pageSize).ToList();
            return new SearchOutcome(true, ordered, facets?.Total ?? top.TotalHits, facets?.Result() ?? new Dictionary<string, IReadOnlyList<(string, int)>>(), plan);
        }
        finally
        {
            gen.Manager.Release(searcher);
        }
    }

    internal static Query? BuildQuery(QueryPlan plan, SearchQuery request, SearchTuning tuning)
    {
        var text = new BooleanQuery(disableCoord: true);
        var accentedTokens = plan.Accented ? plan.Tokens : plan.Restored ?? plan.Tokens;
        var accentedWeight = plan.Accented || plan.Restored is null ? tuning.Accented : tuning.Accented * tuning.RestoredWeight;
        if (accentedWeight > 0) AddTerms(text, IndexFields.Accented, accentedTokens, accentedWeight, tuning.Bigrams);
        if (tuning.Folded > 0) AddTerms(text, IndexFields.Folded, plan.Folded, tuning.Folded, tuning.Bigrams);
        if (tuning.Title > 0)
        {
            if (accentedWeight > 0) AddTerms(text, IndexFields.TitleAccented, accentedTokens, accentedWeight * tuning.Title, tuning.Bigrams);
            if (tuning.Folded > 0) AddTerms(text, IndexFields.TitleFolded, plan.Folded, tuning.Folded * tuning.Title, tuning.Bigrams);
        }

        var root = new BooleanQuery(disableCoord: true);
        if (text.Clauses.Count > 0) root.Add(text, Occur.MUST);
        else if (plan.FilterKeys.Count == 0) return null;
        else root.Add(new MatchAllDocsQuery(), Occur.MUST);

        if (plan.FilterKeys.Count > 0)
        {
            var named = new BooleanQuery();
            foreach (var key in plan.FilterKeys) named.Add(new TermQuery(new Term(IndexFields.Filter, key)), Occur.SHOULD);
            if (tuning.NamedFilters) root.Add(new ConstantScoreQuery(named) { Boost = 0 }, Occur.MUST);
            else root.Add(new ConstantScoreQuery(named) { Boost = 5 }, Occur.SHOULD);
        }
        AddFilter(root, "type", request.Type);
        AddFilter(root, "status", request.Status);
        AddFilter(root, "issuer", request.Issuer);
        AddFilter(root, "year", request.Year);
        return root;
    }

    private static void AddFilter(BooleanQuery root, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value)) root.Add(new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = 0 }, Occur.MUST);
    }

    private static void AddTerms(BooleanQuery query, string field, IReadOnlyList<string> tokens, float weight, float bigrams)
    {
        foreach (var t in tokens.Distinct()) query.Add(new TermQuery(new Term(field, t)) { Boost = weight }, Occur.SHOULD);
        if (bigrams <= 0) return;
        var pairs = new HashSet<string>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var pair = tokens[i] + " " + tokens[i + 1];
            if (pairs.Add(pair)) query.Add(new TermQuery(new Term(field, pair)) { Boost = weight * bigrams }, Occur.SHOULD);
        }
    }
}

/// <summary>Index values of the validity facet and their Vietnamese labels.</summary>
public static class StatusKeys
{
    public const string InForce = "con-hieu-luc";
    public const string Expired = "het-hieu-luc";
    public const string Replaced = "bi-thay-the";

    public static string Of(Data.ValidityStatus s) => s switch
    {
        Data.ValidityStatus.Expired => Expired,
        Data.ValidityStatus.Replaced => Replaced,
        _ => InForce,
    };

    public static string Label(string key) => key switch
    {
        Expired => "Hết hiệu lực",
        Replaced => "Bị thay thế",
        _ => "Còn hiệu lực",
    };
}
