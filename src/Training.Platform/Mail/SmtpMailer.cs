using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Training.Platform.Mail;

/// <summary>The one SMTP path of the site (MailKit): reminders, digests, report deadlines and certificates all go out
/// here, from their outbox handlers. Plain-text body with the greeting and signature every message carries.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(string to, string toName, string subject, string body, IReadOnlyList<MailAttachment> attachments, CancellationToken ct)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured) throw new InvalidOperationException("Smtp:Host is not configured.");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(new MailboxAddress(toName, to));
        message.Subject = subject;
        var builder = new BodyBuilder { TextBody = $"Kính gửi {toName},\n\n{body}\n\nHệ thống đào tạo" };
        foreach (var a in attachments) builder.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = builder.ToMessageBody();
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
