using Training.Abstractions.Events;

namespace Training.Abstractions.Audiences;

/// <summary>An evaluation of an audience rule (Organisation) changed who belongs to it. Published through the
/// Organisation outbox in the transaction that wrote the membership rows; Courses turns it into assignments.
/// Delivered at least once, in the order evaluations happened: handlers must be idempotent.</summary>
/// <param name="StartsOn">The rule's start date (due dates may count from it).</param>
/// <param name="Joined">People who became members, with the date they joined the organisation (due dates may count from it).</param>
/// <param name="Left">People who stopped matching, with the reason in Vietnamese (kept on their closed assignments).</param>
public sealed record AudienceMembershipChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AudienceId,
    string AudienceName,
    DateOnly StartsOn,
    IReadOnlyList<AudienceJoiner> Joined,
    IReadOnlyList<AudienceLeaver> Left) : IDomainEvent;

/// <summary>A new member: <paramref name="JoinedOrganisationOn"/> is the person's joining date (first on the roster).</summary>
public sealed record AudienceJoiner(string UserId, DateOnly JoinedOrganisationOn);

/// <summary>A member who left the audience, and why.</summary>
public sealed record AudienceLeaver(string UserId, string Reason);
