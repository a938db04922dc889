using MailKit.Security;

namespace Training.Reporting.Reminders;

/// <summary>SMTP server for reminder e-mails, bound from the <c>Smtp</c> section. No host: e-mails are not sent
/// (notifications in the site still are).</summary>
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
}

/// <summary>Reminder scanning, bound from the <c>Reminders</c> section.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the daily scan in the background.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Certificates ending within this many days produce a reminder.</summary>
    public int ExpiringWithinDays { get; set; } = 60;

    /// <summary>Local (UTC+7) hour of the daily scan.</summary>
    public int HourOfDay { get; set; } = 6;
}
