using Training.Abstractions.Citations;
using Training.LegalLibrary.Data;
using Training.Platform.Text;

namespace Training.LegalLibrary.Citations;

/// <summary>Answers <see cref="ILegalDocumentResolver"/> from the library's documents (numbers compared as the citation
/// resolver compares them: "ND-CP" typed without diacritics finds "NĐ-CP", spaces around the slash ignored).</summary>
public sealed class LegalDocumentResolver(LegalLibraryReader reader) : ILegalDocumentResolver
{
    public async Task<LegalDocumentLink?> FindByNumberAsync(string number, CancellationToken ct = default)
    {
        var n = VietnameseText.Clean(number).Replace(" ", "", StringComparison.Ordinal);
        if (n.Length == 0) return null;
        var doc = await reader.DocumentByNumberAsync(n, ct);
        return doc is null ? null : new LegalDocumentLink(doc.Number, doc.Title, LegalLibraryReader.DocumentUrl(doc.Slug));
    }
}
