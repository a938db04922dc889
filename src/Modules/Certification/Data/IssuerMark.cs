namespace Training.Certification.Data;

public enum MarkKind { Seal = 0, Signature = 1 }

/// <summary>An issuing unit's red seal or signer's signature, as uploaded by an administrator (normalised PNG). Rows are
/// never changed: a new upload retires the previous one, and certificates keep the id of the one they were issued with.</summary>
public sealed class IssuerMark
{
    public Guid Id { get; set; }
    /// <summary>The issuing unit's name as printed (<see cref="Programme.IssuingUnitName"/>).</summary>
    public string IssuingUnit { get; set; } = "";
    public MarkKind Kind { get; set; }
    public byte[] Png { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset? RetiredAt { get; set; }
}
