namespace Training.Certification.Data;

/// <summary>An issued certificate: an immutable snapshot of what was printed, plus its later status changes.</summary>
public sealed class Certificate
{
    public Guid Id { get; set; }
    public Guid ProgrammeId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>1 for the first certification, +1 for each recertification.</summary>
    public int Cycle { get; set; }
    /// <summary>0 for the original, +1 for each reissue within the cycle.</summary>
    public int Revision { get; set; }
    public string SerialNumber { get; set; } = "";
    /// <summary>16 Crockford base32 characters (80 random bits), stored without the dashes.</summary>
    public string VerificationCode { get; set; } = "";
    /// <summary>Index in the Bitstring Status List.</summary>
    public int StatusIndex { get; set; }

    public string HolderName { get; set; } = "";
    public Guid? HolderUnitId { get; set; }
    public string HolderUnitName { get; set; } = "";
    public string ProgrammeName { get; set; } = "";
    public string IssuingUnitName { get; set; } = "";
    public string Result { get; set; } = "";
    public decimal? ScorePercent { get; set; }

    public DateOnly IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public DateOnly? RevokedOn { get; set; }
    public string? RevocationReason { get; set; }
    public DateOnly? SupersededOn { get; set; }
    public Guid? SupersededById { get; set; }
    public Guid? SupersedesId { get; set; }

    /// <summary>auto, manual, reissue or seed.</summary>
    public string Source { get; set; } = "";
    public string? IssueReason { get; set; }
    public string? IssuedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The programme's template version, seal and signature images at issuance (what the PDF is drawn with).</summary>
    public Guid? TemplateId { get; set; }
    public Guid? SealId { get; set; }
    public Guid? SignatureId { get; set; }

    /// <summary>File name under the certificates folder; null until the PDF has been written.</summary>
    public string? PdfFile { get; set; }
    public string? PdfSha256 { get; set; }
    public int? PdfBytes { get; set; }

    public CertificateStatus StatusOn(DateOnly day) =>
        RevokedOn is not null ? CertificateStatus.Revoked
        : SupersededById is not null ? CertificateStatus.Superseded
        : ExpiresOn is { } e && day > e ? CertificateStatus.Expired
        : CertificateStatus.Valid;
}

public enum CertificateStatus
{
    Valid,
    Expired,
    Revoked,
    Superseded,
}
