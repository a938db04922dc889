namespace Training.Abstractions.Audiences;

/// <summary>Who is a current member of which audience (implemented by Organisation). Courses asks it before closing an
/// assignment: a person who leaves one audience may still be held by another audience attached to the same course.</summary>
public interface IAudienceMembership
{
    /// <summary>The current stays (not left) of <paramref name="userIds"/> in <paramref name="audienceIds"/>, as of the
    /// latest committed evaluation (which is never older than the membership event being handled).</summary>
    Task<IReadOnlyList<AudienceStay>> GetCurrentStaysAsync(IReadOnlyCollection<Guid> audienceIds, IReadOnlyCollection<string> userIds,
        CancellationToken ct = default);
}

/// <summary>A person's current membership of an audience, since <paramref name="JoinedOn"/>.</summary>
public sealed record AudienceStay(Guid AudienceId, string AudienceName, string UserId, DateOnly JoinedOn);
