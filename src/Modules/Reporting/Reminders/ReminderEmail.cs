using Training.Abstractions.Events;

namespace Training.Reporting.Reminders;

/// <summary>An e-mail to send for a reminder, written to the reporting outbox with the notification it belongs to.
/// Attachments are named by blob key (the outbox row stays small); they are read when the message is sent.</summary>
public sealed record ReminderEmail(Guid EventId, DateTimeOffset OccurredAt, Guid NotificationId, string To, string ToName, string Subject, string Body,
    IReadOnlyList<StoredAttachment>? Attachments = null)
    : IDomainEvent;

/// <summary>A file in the blob store sent as an attachment.</summary>
public sealed record StoredAttachment(string BlobKey, string FileName, string ContentType);
