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
    DateOnly IssuedOn);
