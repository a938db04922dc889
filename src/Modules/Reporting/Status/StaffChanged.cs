using Training.Abstractions.Events;

namespace Training.Reporting.Status;

/// <summary>Reporting's own outbox message for a roster change (see <see cref="RosterStatusListener"/>): the people whose
/// posts, category or activity may have changed; empty: anyone may have (the status tables are rebuilt).</summary>
public sealed record StaffChanged(Guid EventId, DateTimeOffset OccurredAt, IReadOnlyList<string> UserIds, string Source) : IDomainEvent;
