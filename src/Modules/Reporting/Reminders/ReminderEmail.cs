using Training.Abstractions.Events;

namespace Training.Reporting.Reminders;

/// <summary>An e-mail to send for a reminder, written to the reporting outbox with the notification it belongs to.</summary>
public sealed record ReminderEmail(Guid EventId, DateTimeOffset OccurredAt, Guid NotificationId, string To, string ToName, string Subject, string Body)
    : IDomainEvent;
