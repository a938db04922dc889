namespace Training.LegalLibrary.Search;

/// <summary>The choices of the search method, each measured in docs/benchmarks-legal.md (ablation table);
/// the defaults are the product's.</summary>
public sealed record SearchTuning
{
    public float K1 { get; init; } = 1.2f;
    public float B { get; init; } = 0.75f;
    /// <summary>Weight of accented syllables (exact accents rank higher).</summary>
    public float Accented { get; init; } = 1.0f;
    /// <summary>Weight of folded syllables (matches queries typed without diacritics).</summary>
    public float Folded { get; init; } = 0.5f;
    /// <summary>Weight of syllable bigrams relative to the syllables of the same field; 0 disables them.</summary>
    public float Bigrams { get; init; } = 1.0f;
    /// <summary>Weight of restored accented syllables for queries typed without diacritics.</summary>
    public float RestoredWeight { get; init; } = 1.0f;
    public bool Restore { get; init; } = true;
    /// <summary>Weight of matches in the article title (its own fields); 0 disables.</summary>
    public float Title { get; init; } = 0.3f;
    /// <summary>Drop question/filler words from queries. Measured on the dev set it costs ~0.004 MRR (BM25 already gives
    /// these words little weight, and removing them joins unrelated syllables into bigrams), so it is off by default.</summary>
    public bool Fillers { get; init; }
    public bool QueryUnderstanding { get; init; } = true;
    /// <summary>A named document filters (true) or only boosts (false, by <see cref="NamedBoost"/>). Soft by default: a
    /// user who names the wrong document (a rule of one law attributed to another) still finds the right article;
    /// 5-fold cross-validation: ×3 equals or beats the filter on every fold (docs/benchmarks-legal.md).</summary>
    public bool NamedFilters { get; init; }
    /// <summary>Score factor for articles of a document the query names, when it does not filter.</summary>
    public float NamedBoost { get; init; } = 3f;
    /// <summary>Score factor for articles of a document whose subject the query names ("viên chức"); 1 disables.</summary>
    public float TopicBoost { get; init; } = 1f;
    /// <summary>Score factor for articles no longer in force ("in force first", softly: they still show).</summary>
    public float NotInForceFactor { get; init; } = 0.9f;

    /// <summary>Add the folded clauses also when the query was typed with accents (measured: no gain in quality, 25 % more
    /// CPU per query, so off).</summary>
    public bool FoldedWhenAccented { get; init; }
    /// <summary>Title clauses for single syllables too (false: title bigrams only).</summary>
    public bool TitleUnigrams { get; init; } = true;
    /// <summary>Title clauses in the folded form too (queries typed without accents). Measured: the restored accented
    /// title clauses suffice (stripped R@10 0.972 vs 0.970, MRR 0.916 vs 0.914; written unchanged) and the query has a
    /// quarter fewer clauses, so off.</summary>
    public bool TitleFolded { get; init; }
    /// <summary>"Điều N" in a query that also names a document selects that article first.</summary>
    public bool ArticleNumbers { get; init; } = true;
    /// <summary>Weight of the title clauses "giải thích từ ngữ" added to a query asking for a definition; 0 disables.</summary>
    public float Definitions { get; init; } = 1f;

    /// <summary>Weight (relative to <see cref="Definitions"/>) of the definitions-article title clauses added to a
    /// true/false statement "X là Y"; 0 disables.</summary>
    public float DefinitionStatements { get; init; }
    /// <summary>Keep a named document's name in the text clauses (its words then also match its articles' text).</summary>
    public bool NameInText { get; init; }

    public static SearchTuning Default { get; } = new();
}
