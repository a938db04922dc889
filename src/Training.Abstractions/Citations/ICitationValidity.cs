namespace Training.Abstractions.Citations;

/// <summary>Whether the documents behind resolved citations are in force on a day, implemented by the LegalLibrary module
/// next to its <see cref="ICitationResolver"/>. Validity depends on the day asked, so it is answered at read time, not
/// stored with the lesson.</summary>
public interface ICitationValidity
{
    /// <summary>For each article key (from <see cref="CitationResult.ArticleKey"/>), the cited document's validity on
    /// <paramref name="asOf"/>, looking <paramref name="withinDays"/> ahead for changes already known. Keys the library
    /// no longer holds are left out.</summary>
    Task<IReadOnlyDictionary<string, CitedDocument>> ValidityAsync(IReadOnlyCollection<string> articleKeys, DateOnly asOf, int withinDays,
        CancellationToken ct = default);
}

/// <summary>The validity of a cited document on a day.</summary>
public enum CitationValidity
{
    InForce,
    /// <summary>In force today, replaced or expiring within the look-ahead.</summary>
    ChangesSoon,
    Replaced,
    Expired,
}

/// <summary>A cited document and its validity: number and title, the day it is replaced (or null), by what.</summary>
public sealed record CitedDocument(string Number, string Title, CitationValidity Validity, DateOnly? ChangesOn, string? ReplacedByNumber,
    string? ReplacedByTitle)
{
    /// <summary>Shown to authors and learners, in Vietnamese, when the document is not simply in force.</summary>
    public string? Notice => Validity switch
    {
        CitationValidity.Replaced => $"Văn bản được trích dẫn ({Number}) bị thay thế từ {Day} bởi {By}.",
        CitationValidity.ChangesSoon when ReplacedByNumber is not null =>
            $"Văn bản được trích dẫn ({Number}) sẽ bị thay thế từ {Day} bởi {By}.",
        CitationValidity.ChangesSoon => $"Văn bản được trích dẫn ({Number}) sẽ hết hiệu lực từ {Day}.",
        CitationValidity.Expired => $"Văn bản được trích dẫn ({Number}) đã hết hiệu lực.",
        _ => null,
    };

    private string Day => ChangesOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    // The number in brackets after the title, as the cited document's own number is: "Luật An ninh mạng 2025 (116/2025/QH15)".
    private string By => ReplacedByTitle is { Length: > 0 } t ? $"{t} ({ReplacedByNumber})" : ReplacedByNumber ?? "";
}
