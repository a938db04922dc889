namespace Training.Abstractions.Citations;

/// <summary>Finds a document of the legal library by its number (số hiệu), implemented by the LegalLibrary module, so that
/// other modules link a document they name (a plan's number, the decision it implements) only when the library holds it.</summary>
public interface ILegalDocumentResolver
{
    /// <summary>The library's document with this number (e.g. <c>58/KH-SGDĐT</c>, case-insensitive), or null when the
    /// library does not hold it.</summary>
    Task<LegalDocumentLink?> FindByNumberAsync(string number, CancellationToken ct = default);
}

/// <summary>A document of the legal library: its number as the library writes it, its title and the URL of its page.</summary>
public sealed record LegalDocumentLink(string Number, string Title, string Url);
