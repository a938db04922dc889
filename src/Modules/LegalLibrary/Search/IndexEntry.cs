namespace Training.LegalLibrary.Search;

/// <summary>One searchable unit (an article; a section of a plan) as the index builder receives it.</summary>
/// <param name="CanonicalId">The article this one is a copy of (a pháp điển article quoting a law article in the
/// library), or its own id. Hits are reported once per canonical article.</param>
/// <param name="Filters">Keys a named-document filter can match: the document slug, its numbers, the source's number.</param>
public sealed record IndexEntry(
    int ArticleId, int CanonicalId, string DocSlug, IReadOnlyList<string> Filters, string Type, string Status, string Issuer, int? Year,
    string Title, string Body, string? LawId, string? AlqacArticleId);

/// <summary>A name or number by which a query can name a document, and the filter key it selects.</summary>
public sealed record NamedDocument(string Alias, string FilterKey);
