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

        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var page = Math.Max(1, request.Page);
        // Copies collapse into their source, so ask for more than the page needs.
        var wanted = Math.Min(page * pageSize * 2 + 20, 2000);
        var searcher = gen.Manager.Acquire();
        try
        {
            var query = BuildQuery(plan, request, tuning, t => gen.Share(searcher, t));
            if (query is null) return new SearchOutcome(true, [], 0, new Dictionary<string, IReadOnlyList<(string, int)>>(), plan);
            var s = tuning.K1 == 1.2f && tuning.B == 0.75f ? searcher
                : new IndexSearcher(searcher.IndexReader) { Similarity = gen.Similarities.GetOrAdd((tuning.K1, tuning.B), k => new BM25Similarity(k.Item1, k.Item2)) };
            // Out-of-order collection (the facet counter accepts it too): Lucene 4.8 then scores a long OR query with
            // BooleanScorer's buckets, measured 4× cheaper than the in-order disjunction on 100,000 articles
            // (docs/benchmarks-legal.md).
            var top = TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
            var facets = request.Facets ? new FacetCounter() : null;
            if (facets is null) s.Search(query, top);
            else s.Search(query, MultiCollector.Wrap(top, facets));
            var ranked = new List<(int Doc, int Canonical, float Score)>();
            var seen = new Dictionary<int, int>();
            var leaves = s.IndexReader.Leaves;
            foreach (var sd in top.GetTopDocs().ScoreDocs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(sd.Doc, leaves)];
                var local = sd.Doc - leaf.DocBase;
                var canonical = (int)leaf.AtomicReader.GetNumericDocValues(IndexFields.Canonical).Get(local);
                var inForce = leaf.AtomicReader.GetNumericDocValues(IndexFields.InForce).Get(local) != 0;
                var score = sd.Score * (inForce ? 1f : tuning.NotInForceFactor);
                if (seen.TryGetValue(canonical, out var at))
                {
                    if (ranked[at].Score < score) ranked[at] = (sd.Doc, canonical, score);
                    continue;
                }
                seen[canonical] = ranked.Count;
                ranked.Add((sd.Doc, canonical, score));
            }
            // Stored fields (the ALQAC ids) only for the page shown.
            var ordered = ranked.OrderByDescending(h => h.Score).Skip((page - 1) * pageSize).Take(pageSize).Select(h =>
            {
                var d = s.Doc(h.Doc, IdFields);
                return new SearchHit(h.Canonical, h.Score, d.Get(IndexFields.LawId), d.Get(IndexFields.ArticleId));
            }).ToList();
            return new SearchOutcome(true, ordered, facets?.Total ?? top.TotalHits, facets?.Result() ?? new Dictionary<string, IReadOnlyList<(string, int)>>(), plan);
        }
        finally
        {
            gen.Manager.Release(searcher);
        }
    }

    private static readonly ISet<string> IdFields = new HashSet<string> { IndexFields.LawId, IndexFields.ArticleId };
    private const float NamedArticleBoost = 10_000;
    private static readonly string[] DefinitionTitle = ["giải", "thích", "từ", "ngữ"];
    private static readonly string[] DefinitionTitleFolded = ["giai", "thich", "tu", "ngu"];

    internal static Query? BuildQuery(QueryPlan plan, SearchQuery request, SearchTuning tuning, Func<Term, double>? share = null)
    {
        var clauses = new List<TermQuery>();
        var accentedTokens = plan.Accented ? plan.Tokens : plan.Restored ?? plan.Tokens;
        var accentedWeight = plan.Accented || plan.Restored is null ? tuning.Accented : tuning.Accented * tuning.RestoredWeight;
        // A query typed with accents matches the (accented) corpus exactly; its folded form only adds near-misses.
        var folded = tuning.Folded > 0 && (!plan.Accented || tuning.FoldedWhenAccented);
        if (accentedWeight > 0) AddTerms(clauses, IndexFields.Accented, accentedTokens, accentedWeight, tuning.Bigrams);
        if (folded) AddTerms(clauses, IndexFields.Folded, plan.Folded, tuning.Folded, tuning.Bigrams);
        if (tuning.Title > 0)
        {
            if (accentedWeight > 0) AddTerms(clauses, IndexFields.TitleAccented, accentedTokens, accentedWeight * tuning.Title, tuning.Bigrams, tuning.TitleUnigrams);
            if (folded && tuning.TitleFolded) AddTerms(clauses, IndexFields.TitleFolded, plan.Folded, tuning.Folded * tuning.Title, tuning.Bigrams, tuning.TitleUnigrams);
        }
        if (plan.AsksDefinition && tuning.Title > 0)
        {
            // The definitions article of a law is titled "Giải thích từ ngữ": look for it among the title matches.
            AddTerms(clauses, IndexFields.TitleAccented, DefinitionTitle, tuning.Definitions, tuning.Bigrams);
            AddTerms(clauses, IndexFields.TitleFolded, DefinitionTitleFolded, tuning.Definitions * tuning.Folded, tuning.Bigrams);
        }
        var text = TextQuery(clauses, tuning, share);

        var root = new BooleanQuery(disableCoord: true);
        if (text is not null) root.Add(text, Occur.MUST);
        else if (plan.FilterKeys.Count == 0) return null;
        else root.Add(new MatchAllDocsQuery(), Occur.MUST);

        if (plan.FilterKeys.Count > 0)
        {
            var named = new BooleanQuery();
            foreach (var key in plan.FilterKeys) named.Add(new TermQuery(new Term(IndexFields.Filter, key)), Occur.SHOULD);
            if (tuning.NamedFilters) root.Add(new ConstantScoreQuery(named) { Boost = 0 }, Occur.MUST);
            else root.Add(new ConstantScoreQuery(named) { Boost = 5 }, Occur.SHOULD);
        }
        if (plan.ArticleKeys.Count > 0 && plan.FilterKeys.Count > 0 && tuning.NamedFilters)
        {
            // A named document and an article number name one article: it comes first, the rest follows by relevance.
            var numbered = new BooleanQuery();
            foreach (var key in plan.ArticleKeys) numbered.Add(new TermQuery(new Term(IndexFields.Filter, key)), Occur.SHOULD);
            root.Add(new ConstantScoreQuery(numbered) { Boost = NamedArticleBoost }, Occur.SHOULD);
        }
        AddFilter(root, "type", request.Type);
        AddFilter(root, "status", request.Status);
        AddFilter(root, "issuer", request.Issuer);
        AddFilter(root, "year", request.Year);
        return root.Clauses.Count == 1 && text is not null ? text : root;
    }

    /// <summary>The text clauses as one query. Terms found in more than <see cref="SearchTuning.CommonTerms"/> of the
    /// articles (share of documents in the field) carry almost no BM25 weight but have the longest postings: they only
    /// add to the score of articles that some rarer term selected (Lucene's CommonTermsQuery idea), so scoring walks
    /// the rare postings and skips through the common ones.</summary>
    private static Query? TextQuery(List<TermQuery> clauses, SearchTuning tuning, Func<Term, double>? share)
    {
        if (clauses.Count == 0) return null;
        var rare = new BooleanQuery(disableCoord: true);
        var common = new BooleanQuery(disableCoord: true);
        foreach (var c in clauses)
        {
            var isCommon = tuning.CommonTerms > 0 && share is not null && share(c.Term) > tuning.CommonTerms;
            (isCommon ? common : rare).Add(c, Occur.SHOULD);
        }
        if (rare.Clauses.Count == 0) return common;
        if (common.Clauses.Count == 0 || tuning.DropCommon) return rare;
        var text = new BooleanQuery(disableCoord: true) { { rare, Occur.MUST }, { common, Occur.SHOULD } };
        return text;
    }

    private static void AddFilter(BooleanQuery root, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value)) root.Add(new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = 0 }, Occur.MUST);
    }

    private static void AddTerms(List<TermQuery> clauses, string field, IReadOnlyList<string> tokens, float weight, float bigrams, bool unigrams = true)
    {
        if (unigrams || tokens.Count == 1 || bigrams <= 0)
            foreach (var t in tokens.Distinct()) clauses.Add(new TermQuery(new Term(field, t)) { Boost = weight });
        if (bigrams <= 0) return;
        var pairs = new HashSet<string>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var pair = tokens[i] + " " + tokens[i + 1];
            if (pairs.Add(pair)) clauses.Add(new TermQuery(new Term(field, pair)) { Boost = weight * bigrams });
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
