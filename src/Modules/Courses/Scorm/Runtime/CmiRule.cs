namespace Training.Courses.Scorm.Runtime;

public enum CmiAccess
{
    ReadOnly,
    WriteOnly,
    ReadWrite,
}

/// <summary>Value formats of the data models. The patterns are written in the subset of regular expressions that
/// .NET and JavaScript read alike, because the same table is sent to the in-frame runtime.</summary>
public enum CmiType
{
    /// <summary><c>_children</c>, <c>_count</c>, <c>_version</c>: computed, never set.</summary>
    Keyword,
    Text,
    Vocabulary,
    Real,
    /// <summary>An interaction result: a word of the vocabulary or a number.</summary>
    VocabularyOrReal,
    Pattern,
}

/// <summary>One element of a data model (indexes written as <c>n</c>).</summary>
public sealed record CmiRule(CmiAccess Access, CmiType Type, int MaxLength = 0, string[]? Vocabulary = null,
    decimal? Min = null, decimal? Max = null, string? Pattern = null, string? Default = null, bool AllowBlank = false)
{
    public static CmiRule Ro(string? value = null) => new(CmiAccess.ReadOnly, CmiType.Text, Default: value);

    public static CmiRule Keyword(string? value = null) => new(CmiAccess.ReadOnly, CmiType.Keyword, Default: value);

    public static CmiRule Text(CmiAccess access, int max) => new(access, CmiType.Text, max);

    public static CmiRule Vocab(CmiAccess access, params string[] words) => new(access, CmiType.Vocabulary, Vocabulary: words);

    public static CmiRule Real(CmiAccess access, decimal? min = null, decimal? max = null, bool blank = false) =>
        new(access, CmiType.Real, Min: min, Max: max, AllowBlank: blank);

    public static CmiRule Format(CmiAccess access, string pattern) => new(access, CmiType.Pattern, Pattern: pattern);
}
