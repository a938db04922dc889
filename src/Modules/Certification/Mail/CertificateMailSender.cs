using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Events;
using Training.Abstractions.Organisation;
using Training.Certification.Data;
using Training.Certification.Pdf;
using Training.Platform.Mail;

namespace Training.Certification.Mail;

/// <summary>Sends the holder their certificate: the signed PDF snapshot attached and the verification link. The PDF is
/// the stored one; when it is not stored yet it is rendered and recorded by the same path as the pending-PDF worker
/// (<see cref="CertificatePdfService.EnsurePdfAsync"/>, first recorder wins), and a snapshot that cannot be read fails
/// the message, which the outbox retries: the e-mail never goes without its file. A certificate revoked before its
/// e-mail went is not mailed (the holder would receive a document that verification already refuses).</summary>
public sealed class CertificateMailSender(
    CertificationDbContext db, CertificatePdfService pdfs, CertificateFiles files, PublicUrls urls, IOrgDirectory directory,
    SmtpMailer mailer, CertificateMailText text, ILogger<CertificateMailSender> log) : IDomainEventHandler<CertificateMail>
{
    public async Task HandleAsync(CertificateMail e, CancellationToken ct)
    {
        if (!mailer.IsConfigured) return;
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == e.CertificateId, ct);
        if (certificate is null) return;
        if (certificate.RevokedOn is not null)
        {
            log.LogInformation("Certificate {Serial} was revoked before its e-mail was sent; not mailed", certificate.SerialNumber);
            return;
        }
        var email = (await directory.GetPersonAsync(certificate.UserId, ct))?.Email;
        if (string.IsNullOrWhiteSpace(email)) return;
        certificate = await pdfs.EnsurePdfAsync(certificate, ct);
        var pdf = await files.ReadAllBytesAsync(certificate.PdfFile!, ct)
            ?? throw new InvalidOperationException($"The PDF of certificate {certificate.SerialNumber} is not stored yet.");
        var (subject, body) = text.Compose(certificate, urls.Verify(certificate.VerificationCode));
        await mailer.SendAsync(email, certificate.HolderName, subject, body,
            [new MailAttachment(CertificateMailText.FileName(certificate), "application/pdf", pdf)], ct);
    }
}
