using MailKit.Security;

namespace Training.Platform.Mail;

/// <summary>SMTP server for every e-mail the site sends (reminders, digests, certificates, reports), bound from the
/// <c>Smtp</c> section. No host: e-mails are not sent (notifications in the site still are).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "training@localhost";
    public string FromName { get; set; } = "Hệ thống đào tạo";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
