namespace Training.Certification.Pdf;

/// <summary>Everything printed on a certificate, already NFC-normalised.</summary>
public sealed record CertificateDocument(
    string IssuingUnitParent,
    string IssuingUnitName,
    string HolderName,
    string HolderUnit,
    string Wording,
    string ProgrammeName,
    string Result,
    string ValidityLine,
    string PlaceAndDate,
    string SignerTitle,
    string SignerName,
    string SerialNumber,
    string VerificationCode,
    string VerifyUrl,
    DateOnly IssuedOn)
{
    /// <summary>The programme's template when the certificate was issued (orientation, title, colours, border, logo).</summary>
    public CertificateLook Look { get; init; } = CertificateLook.Default;

    /// <summary>The issuing unit's red seal (PNG), drawn over the left third of the signature as in Vietnamese practice.</summary>
    public byte[]? SealPng { get; init; }

    /// <summary>The signer's handwritten signature (PNG), drawn between the signer's title and name.</summary>
    public byte[]? SignaturePng { get; init; }

    /// <summary>The courses of the second page (printed only when <see cref="CertificateLook.CoursesPage"/>).</summary>
    public IReadOnlyList<CourseLine> Courses { get; init; } = [];
}

/// <summary>One completed course on the certificate's second page.</summary>
public sealed record CourseLine(string Code, string Title, decimal? Hours, DateOnly CompletedOn, decimal ScorePercent);
