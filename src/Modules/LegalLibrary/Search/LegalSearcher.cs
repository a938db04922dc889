namespace Training.LegalLibrary.Search;

/// <summary>A search request: text, optional filters (facet values) and the page.</summary>
/// <param name="Document">Slug of the one document to search in (the document page's search), or null.</param>
public sealed record SearchQuery(string Text, string? Type = null, string? Status = null, string? Issuer = null, string? Year = null, int Page = 1, int PageSize = 10, bool Facets = true,
    string? Document = null);

/// <summary>What to tell the user about the query: the accented form searched when it was typed without diacritics,
/// and a corrected query when some of its syllables are not in the library.</summary>
public sealed record QueryHelp(string? Restored, string? Suggestion);

/// <summary>One result: an article (copies folded into their source), its score and the ALQAC ids when it has them.</summary>
public sealed record SearchHit(int ArticleId, float Score, string? LawId, string? AlqacArticleId);

public sealed record SearchOutcome(
    bool Ready, IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>> Facets, QueryPlan? Plan)
{
    public static SearchOutcome NotReady { get; } = new(false, [], 0, new Dictionary<string, IReadOnlyList<(string, int)>>(), null);

    /// <summary>Number of the index generation that answered (what the hits refer to, for caches).</summary>
    public long Generation { get; init; }
}

/// <summary>Runs queries against the live index: query understanding, the two-field (accented/folded) BM25 query with
/// syllable bigrams scored term at a time (<see cref="TermAtATime"/>), facet filters and counts, copies folded into
/// their source article, a named document and "in force first" as soft factors.</summary>
public sealed class LegalSearcher(LegalIndex index)
{
    public bool IsReady => index.IsReady;

    public SearchOutcome Search(SearchQuery request, SearchTuning? tuning = null)
    {
        tuning ??= SearchTuning.Default;
        while (true)
        {
            var gen = index.Current;
            if (gen is null) return SearchOutcome.NotReady;
            // An import may swap the generation at any moment: holding its reader keeps it open for this search (postings
            // not yet cached are read from it). A generation closed in between is no longer current: take the new one.
            if (!gen.TryAcquire()) continue;
            try { return Search(gen, request, tuning); }
            finally { gen.Release(); }
        }
    }

    private static SearchOutcome Search(LegalIndex.Generation gen, SearchQuery request, SearchTuning tuning)
    {
        var plan = gen.Understanding.Understand(request.Text, tuning);
        var clauses = Clauses(plan, tuning);
        if (clauses.Count == 0 && (plan.FilterKeys.Count == 0 || request.Document is not null))
            return new SearchOutcome(true, [], 0, new Dictionary<string, IReadOnlyList<(string, int)>>(), plan) { Generation = gen.Id };
        return TermAtATime.Run(gen, plan, clauses, request, tuning) with { Generation = gen.Id };
    }

    /// <summary>"Did you mean": the whole query restored (when typed without diacritics) and corrected (when some
    /// syllable is unknown to the library), both in accented form.</summary>
    public QueryHelp Help(string text)
    {
        var gen = index.Current;
        if (gen is null || text.Length == 0) return new QueryHelp(null, null);
        var clean = Training.Platform.Text.VietnameseText.Clean(text);
        var folded = QueryUnderstanding.Tokenize(Folding.Fold(clean)).ToList();
        var restored = Folding.HasDiacritics(clean) || folded.Count == 0 ? null : string.Join(' ', gen.Restorer.Restore(folded));
        var corrected = SpellingSuggester.Correct(folded, gen.Restorer);
        return new QueryHelp(restored, corrected is null ? null : string.Join(' ', gen.Restorer.Restore(corrected)));
    }

    private static readonly string[] DefinitionTitle = ["giải", "thích", "từ", "ngữ"];
    private static readonly string[] DefinitionTitleFolded = ["giai", "thich", "tu", "ngu"];

    /// <summary>The weighted terms of a query: accented syllables and bigrams as typed (or restored), folded ones for
    /// queries typed without diacritics, title terms, and the definitions-article title for definition questions.
    /// A term asked twice gets the sum of its weights (what two Lucene clauses would score).</summary>
    internal static IReadOnlyList<QueryClause> Clauses(QueryPlan plan, SearchTuning tuning)
    {
        var clauses = new Dictionary<(string, string), float>();
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
        var definitions = plan.AsksDefinition ? tuning.Definitions : plan.StatesDefinition ? tuning.Definitions * tuning.DefinitionStatements : 0;
        if (definitions > 0 && tuning.Title > 0)
        {
            // The definitions article of a law is titled "Giải thích từ ngữ": look for it among the title matches.
            AddTerms(clauses, IndexFields.TitleAccented, DefinitionTitle, definitions, tuning.Bigrams);
            AddTerms(clauses, IndexFields.TitleFolded, DefinitionTitleFolded, definitions * tuning.Folded, tuning.Bigrams);
        }
        return clauses.Select(kv => new QueryClause(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList();
    }

    private static void AddTerms(Dictionary<(string, string), float> clauses, string field, IReadOnlyList<string> tokens, float weight, float bigrams, bool unigrams = true)
    {
        void Add(string term, float w) => System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(clauses, (field, term), out _) += w;
        if (unigrams || tokens.Count == 1 || bigrams <= 0)
            foreach (var t in tokens.Distinct()) Add(t, weight);
        if (bigrams <= 0) return;
        var pairs = new HashSet<string>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var pair = tokens[i] + " " + tokens[i + 1];
            if (pairs.Add(pair)) Add(pair, weight * bigrams);
        }
    }
}

/// <summary>One weighted term of a query.</summary>
public sealed record QueryClause(string Field, string Term, float Weight)
{
    public override string ToString() => $"{Field}:{Term}^{Weight}";
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
