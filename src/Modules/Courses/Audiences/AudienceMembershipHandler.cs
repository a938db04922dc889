using Training.Abstractions.Audiences;
using Training.Abstractions.Events;

namespace Training.Courses.Audiences;

/// <summary>Applies an audience's membership change (from the Organisation outbox) to its attached courses.</summary>
internal sealed class AudienceMembershipHandler(AudienceAssigner assigner) : IDomainEventHandler<AudienceMembershipChanged>
{
    public Task HandleAsync(AudienceMembershipChanged e, CancellationToken ct) =>
        assigner.ApplyAsync(new MembershipChange(e.AudienceId, e.AudienceName, e.StartsOn, e.OccurredAt, e.Joined, e.Left), ct: ct);
}
