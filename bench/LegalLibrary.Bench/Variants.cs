using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Bench;

/// <summary>The variants the cross-validation compares; the first is the product.</summary>
internal static class Variants
{
    private static readonly SearchTuning Soft = SearchTuning.Default;

    public static readonly IReadOnlyList<(string Name, SearchTuning Tuning)> All =
    [
        ("product (named document boosts ×3)", SearchTuning.Default),
        ("named document filters", SearchTuning.Default with { NamedFilters = true }),
        ("named boosts ×1.5", Soft with { NamedBoost = 1.5f }),
        ("named boosts ×2", Soft with { NamedBoost = 2f }),
                ("named boosts ×5", Soft with { NamedBoost = 5f }),
        ("named boosts ×3, name kept in text", Soft with { NamedBoost = 3f, NameInText = true }),
        ("filters + subject boost ×1.2", SearchTuning.Default with { TopicBoost = 1.2f }),
        ("filters + subject boost ×1.5", SearchTuning.Default with { TopicBoost = 1.5f }),
        ("filters + definition statements ×0.5", SearchTuning.Default with { DefinitionStatements = 0.5f }),
        ("filters + definition statements ×1", SearchTuning.Default with { DefinitionStatements = 1f }),
        ("×3 + subject ×1.2 + statements ×0.5", Soft with { NamedBoost = 3f, TopicBoost = 1.2f, DefinitionStatements = 0.5f }),
    ];
}
