using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Events;
using Training.Abstractions.Storage;
using Training.Platform.Mail;
using Training.Reporting.Data;

namespace Training.Reporting.Reminders;

/// <summary>Sends a reminder e-mail through SMTP when a host is configured. Records each sent message by the event id,
/// so a message redelivered by the outbox is not mailed twice. A missing attachment fails the message (the outbox
/// retries it) rather than sending the e-mail without its file.</summary>
public sealed class ReminderEmailHandler(ReportingDbContext db, SmtpMailer mailer, IBlobStore blobs, TimeProvider clock) : IDomainEventHandler<ReminderEmail>
{
    public async Task HandleAsync(ReminderEmail email, CancellationToken ct)
    {
        if (!mailer.IsConfigured) return;
        if (await db.SentEmails.AnyAsync(s => s.MessageId == email.EventId, ct)) return;
        var files = new List<MailAttachment>();
        foreach (var a in email.Attachments ?? [])
        {
            await using var blob = await blobs.OpenReadAsync(a.BlobKey, ct)
                ?? throw new InvalidOperationException($"Attachment {a.BlobKey} of e-mail {email.EventId} is not stored.");
            using var copy = new MemoryStream();
            await blob.Stream.CopyToAsync(copy, ct);
            files.Add(new MailAttachment(a.FileName, a.ContentType, copy.ToArray()));
        }
        await mailer.SendAsync(email.To, email.ToName, email.Subject, email.Body, files, ct);
        db.SentEmails.Add(new SentEmail { MessageId = email.EventId, To = email.To, SentAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }
}
