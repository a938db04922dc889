using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Certificates;
using Training.Abstractions.Events;
using Training.Certification.Data;
using Training.Platform.Mail;
using Training.Platform.Outbox;

namespace Training.Certification.Mail;

/// <summary>On issuance, queues the holder's e-mail once per certificate (keyed by the certificate id), and only when
/// SMTP is configured: a site without mail queues nothing. Only certificates issued now are mailed (after a course,
/// by decision, or reissued): certificates loaded as existing data (<c>seed</c>: an import or the demo data) and the
/// benchmark's synthetic <c>bulk</c> ones are not, or a first start with SMTP configured would mail every holder.</summary>
public sealed class CertificateMailQueue(CertificationDbContext db, SmtpMailer mailer, TimeProvider clock) : IDomainEventHandler<CertificateIssued>
{
    private static readonly string[] Mailed = ["auto", "manual", "reissue"];

    public async Task HandleAsync(CertificateIssued e, CancellationToken ct)
    {
        if (!mailer.IsConfigured) return;
        var source = await db.Certificates.Where(c => c.Id == e.CertificateId).Select(c => c.Source).FirstOrDefaultAsync(ct);
        if (source is null || !Mailed.Contains(source)) return;
        if (await db.Outbox.AnyAsync(m => m.Id == e.CertificateId, ct)) return;
        db.Enqueue(new CertificateMail(e.CertificateId, clock.GetUtcNow(), e.CertificateId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event queued it first (primary key): one message stays.
            db.ChangeTracker.Clear();
            if (!await db.Outbox.AnyAsync(m => m.Id == e.CertificateId, ct)) throw;
        }
    }
}
