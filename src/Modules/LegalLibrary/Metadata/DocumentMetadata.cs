using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Text;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;
using Training.Platform.Text;

namespace Training.LegalLibrary;

/// <summary>What an administrator types to record a document before its text is imported.</summary>
public sealed class MetadataInput
{
    public string? Number { get; set; }
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssueDate { get; set; }
    public DateOnly? EffectiveDate { get; set; }
    public string? Replaces { get; set; }
}

/// <summary>Records a document by its metadata alone (number, title, issuer, dates, what it replaces), so that a
/// replacement such as Luật An ninh mạng 116/2025/QH15 is known, and lessons citing the law it replaces are flagged,
/// before its text is in the corpus. The replaced document, when the library holds it, gets <c>ReplacedBy</c> from the
/// effective date at once; the importer keeps such rows and fills the same row when the text arrives.</summary>
public sealed class DocumentMetadata(LegalLibraryDbContext db)
{
    public const string Format = "metadata";
    private const int TitleMax = 1000;

    /// <summary>The errors (Vietnamese, field named) or the recorded document.</summary>
    public async Task<(LegalDocument? Document, List<string> Errors)> RecordAsync(MetadataInput input, CancellationToken ct)
    {
        var errors = new List<string>();
        var number = KnownDocuments.NormaliseDash(Field(errors, "Số hiệu", input.Number, TextLimits.Code, true).ToUpperInvariant().Replace(" ", ""));
        var title = Field(errors, "Tên văn bản", input.Title, TitleMax, true);
        var type = Field(errors, "Loại văn bản", input.Type, 100, true);
        var issuer = Field(errors, "Cơ quan ban hành", input.Issuer, 300, true);
        var replaces = KnownDocuments.NormaliseDash(Field(errors, "Văn bản được thay thế", input.Replaces, TextLimits.Code, false).ToUpperInvariant().Replace(" ", ""));
        if (replaces.Length > 0 && input.EffectiveDate is null) errors.Add("Ngày hiệu lực: bắt buộc khi văn bản thay thế một văn bản khác.");
        if (replaces.Length > 0 && string.Equals(replaces, number, StringComparison.OrdinalIgnoreCase)) errors.Add("Văn bản được thay thế: không thể là chính văn bản này.");
        if (input.IssueDate is { } i && input.EffectiveDate is { } e && e < i) errors.Add("Ngày hiệu lực: không được trước ngày ban hành.");
        var numbers = await db.Documents.AsNoTracking().Where(d => d.Number != "").Select(d => new { d.Number, d.Format }).ToListAsync(ct);
        if (number.Length > 0 && numbers.Any(d => string.Equals(d.Number, number, StringComparison.OrdinalIgnoreCase)))
            errors.Add($"Số hiệu: văn bản {number} đã có trong thư viện.");
        if (errors.Count > 0) return (null, errors);

        var slugs = (await db.Documents.AsNoTracking().Select(d => d.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var slug = VietnameseText.Slug($"{title} {number}");
        if (slug.Length > 190) slug = slug[..190];
        for (var n = 2; slugs.Contains(slug); n++) slug = $"{slug}-{n}";
        var ordinal = await db.Documents.AnyAsync(ct) ? await db.Documents.MaxAsync(d => d.Ordinal, ct) + 1 : 0;
        var document = new LegalDocument
        {
            Slug = slug, Number = number, Type = type, Title = title, Issuer = issuer, IssueDate = input.IssueDate, EffectiveDate = input.EffectiveDate,
            Replaces = replaces.Length > 0 ? replaces : null, Format = Format, SourceFile = "", Ordinal = ordinal,
        };
        db.Documents.Add(document);
        if (document.Replaces is { } old)
        {
            var replaced = (await db.Documents.Where(d => d.Format != "phapdien" && d.Number != "").ToListAsync(ct))
                .Where(d => string.Equals(d.Number, old, StringComparison.OrdinalIgnoreCase));
            foreach (var d in replaced) (d.ReplacedBy, d.ReplacedFrom) = (number, input.EffectiveDate);
        }
        await db.SaveChangesAsync(ct);
        return (document, errors);
    }

    /// <summary>Replacements recorded with metadata: replaced number → (replacing number, from its effective date).</summary>
    public static Dictionary<string, KnownDocuments.Replacement> Replacements(IEnumerable<LegalDocument> documents) =>
        documents.Where(d => d.Replaces is { Length: > 0 } && d.Number.Length > 0)
            .GroupBy(d => d.Replaces!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new KnownDocuments.Replacement(g.First().Number, g.First().EffectiveDate), StringComparer.OrdinalIgnoreCase);

    private static string Field(List<string> errors, string name, string? value, int max, bool required)
    {
        var clean = VietnameseText.Clean(value ?? "").Trim();
        if (required && clean.Length == 0) errors.Add($"{name}: bắt buộc nhập.");
        else if (clean.Length > max) errors.Add($"{name}: tối đa {max} ký tự (đang có {clean.Length}).");
        return clean.Length > max ? "" : clean;
    }
}
