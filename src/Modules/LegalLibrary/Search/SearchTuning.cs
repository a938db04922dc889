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
    public bool Fillers { get; init; } = true;
    public bool QueryUnderstanding { get; init; } = true;
    /// <summary>A named document filters (true) or only boosts (false).</summary>
    public bool NamedFilters { get; init; } = true;
    /// <summary>Score factor for articles no longer in force ("in force first", softly: they still show).</summary>
    public float NotInForceFactor { get; init; } = 0.9f;

    public static SearchTuning Default { get; } = new();
}
