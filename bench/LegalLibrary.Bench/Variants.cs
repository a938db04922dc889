using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Bench;

/// <summary>The variants the cross-validation compares; the first is the product.</summary>
internal static class Variants
{
    public static readonly IReadOnlyList<(string Name, SearchTuning Tuning)> All =
    [
        ("product", SearchTuning.Default),
        ("named document filters", SearchTuning.Default with { NamedFilters = true }),
        ("named document boosts (soft)", SearchTuning.Default with { NamedFilters = false }),
    ];
}
