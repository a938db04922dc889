namespace Training.LegalLibrary.Data;

/// <summary>A document of the library: a law, decree, plan or a Bộ pháp điển topic.</summary>
public sealed class LegalDocument
{
    public int Id { get; set; }
    /// <summary>URL segment, stable across imports (derived from the title or file name).</summary>
    public string Slug { get; set; } = "";
    /// <summary>Số hiệu, e.g. <c>24/2018/QH14</c>; empty when the document has none (pháp điển topics, unnumbered plans).</summary>
    public string Number { get; set; } = "";
    public string Type { get; set; } = "";
    public string Title { get; set; } = "";
    public string Issuer { get; set; } = "";
    public DateOnly? IssueDate { get; set; }
    public DateOnly? EffectiveDate { get; set; }
    /// <summary>Number of the document that replaces this one (it may not be in the library).</summary>
    public string? ReplacedBy { get; set; }
    /// <summary>From when <see cref="ReplacedBy"/> applies.</summary>
    public DateOnly? ReplacedFrom { get; set; }
    /// <summary>Number of the document this one replaces (recorded with the metadata; applied to that document's
    /// <see cref="ReplacedBy"/> from this one's <see cref="EffectiveDate"/>).</summary>
    public string? Replaces { get; set; }
    /// <summary>True when the document is known to have expired without a replacement.</summary>
    public bool Expired { get; set; }
    /// <summary>Import format: <c>alqac</c>, <c>phapdien</c> or <c>plan</c>; <c>metadata</c> for a document an administrator
    /// recorded before its text was imported (a later import with the same number fills this row).</summary>
    public string Format { get; set; } = "";
    /// <summary>The ALQAC <c>id</c> of the law, kept so evaluation output can use it.</summary>
    public string? AlqacLawId { get; set; }
    public string SourceFile { get; set; } = "";
    public int Ordinal { get; set; }
    public List<LegalArticle> Articles { get; set; } = [];

    /// <summary>Validity on a given day (replacements take effect on their date).</summary>
    public ValidityStatus StatusOn(DateOnly today) =>
        ReplacedBy is not null && (ReplacedFrom is null || ReplacedFrom <= today) ? ValidityStatus.Replaced
        : Expired ? ValidityStatus.Expired
        : ValidityStatus.InForce;
}

public enum ValidityStatus
{
    InForce,
    Expired,
    Replaced,
}
