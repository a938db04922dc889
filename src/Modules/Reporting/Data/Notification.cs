namespace Training.Reporting.Data;

/// <summary>An in-site notification for one user. <see cref="Key"/> is unique: a reminder for the same
/// (kind, subject, period) is created once, whatever the number of scans or restarts.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Url { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>Records that the e-mail of an outbox message went out, so a redelivered message is not mailed twice.</summary>
public sealed class SentEmail
{
    public Guid MessageId { get; set; }
    public string To { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
