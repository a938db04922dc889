using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Pdf;

namespace Training.Certification.Verification;

/// <summary>What anyone may learn from a verification code: exactly what the certificate shows, plus its status.</summary>
public sealed record VerificationView(
    string Code,
    string Status,
    string StatusText,
    string HolderName,
    string HolderUnit,
    string Programme,
    string IssuingUnit,
    string SerialNumber,
    DateOnly IssuedOn,
    DateOnly? ExpiresOn,
    DateOnly? RevokedOn,
    DateOnly? SupersededOn,
    string? SupersededByCode,
    string? SupersededByUrl,
    string VerifyUrl,
    string PdfUrl,
    string CredentialUrl)
{
    /// <summary>The digital signature of the stored PDF; null while the PDF is not yet written.</summary>
    public SignatureView? Signature { get; init; }

    public static VerificationView From(Certificate c, DateOnly today, string? supersededByCode, PublicUrls urls)
    {
        var status = c.StatusOn(today);
        var text = status switch
        {
            CertificateStatus.Valid => "Còn giá trị",
            CertificateStatus.Expired => $"Đã hết hạn (ngày {c.ExpiresOn:dd/MM/yyyy})",
            CertificateStatus.Revoked => $"Đã bị thu hồi (ngày {c.RevokedOn:dd/MM/yyyy})",
            _ => $"Đã được thay thế (ngày {c.SupersededOn:dd/MM/yyyy})",
        };
        return new VerificationView(
            VerificationCode.Format(c.VerificationCode), status.ToString().ToLowerInvariant(), text, c.HolderName, c.HolderUnitName,
            c.ProgrammeName, c.IssuingUnitName, c.SerialNumber, c.IssuedOn, c.ExpiresOn, c.RevokedOn, c.SupersededOn,
            supersededByCode is null ? null : VerificationCode.Format(supersededByCode),
            supersededByCode is null ? null : urls.Verify(supersededByCode),
            urls.Verify(c.VerificationCode), urls.Pdf(c.VerificationCode), urls.Credential(c.VerificationCode));
    }
}

/// <summary>What the certificate PDF's digital signature proves, for the page and the API.</summary>
/// <param name="Valid">The PDF is unchanged since it was signed and the signature verifies.</param>
/// <param name="Trusted">The signer's certificate chains to a trusted root.</param>
/// <param name="Demo">Signed with the generated demo certificate (no legal value).</param>
public sealed record SignatureView(bool Signed, bool Valid, bool Trusted, bool Demo, string? SignerName, string? Subject, string? Issuer,
    string? SerialNumber, string? Level, DateTimeOffset? TimestampedAt, string? Problem)
{
    public static SignatureView From(Training.Platform.Signing.PdfSignatureReport r) => new(r.Signed, r.Valid, r.Trusted, r.Demo, r.SignerCommonName,
        r.Subject, r.Issuer, r.SerialNumber, r.SubFilter == "ETSI.CAdES.detached" ? (r.TimestampedAt is null ? "PAdES B-B" : "PAdES B-T") : r.SubFilter,
        r.TimestampedAt, r.Problem);
}
