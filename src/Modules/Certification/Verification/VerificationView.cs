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
