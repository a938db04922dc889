using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Training.Abstractions.Events;
using Training.Reporting.Data;

namespace Training.Reporting.Reminders;

/// <summary>Sends a reminder e-mail through SMTP when a host is configured. Records each sent message by the event id,
/// so a message redelivered by the outbox is not mailed twice.</summary>
public sealed class ReminderEmailHandler(ReportingDbContext db, IOptions<SmtpOptions> options, TimeProvider clock) : IDomainEventHandler<ReminderEmail>
{
    public async Task HandleAsync(ReminderEmail email, CancellationToken ct)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host)) return;
        if (await db.SentEmails.AnyAsync(s => s.MessageId == email.EventId, ct)) return;

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(new MailboxAddress(email.ToName, email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = $"Kính gửi {email.ToName},\n\n{email.Body}\n\nHệ thống đào tạo" };
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }
        db.SentEmails.Add(new SentEmail { MessageId = email.EventId, To = email.To, SentAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }
}
