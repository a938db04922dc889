namespace Training.Abstractions.Audiences;

/// <summary>What the audiences' assignments have become (implemented by Courses, shown on the HR audience pages).</summary>
public interface IAudienceProgress
{
    /// <summary>Figures per audience id; an audience with no assignment is absent.</summary>
    Task<IReadOnlyDictionary<Guid, AudienceProgress>> GetProgressAsync(IReadOnlyCollection<Guid> audienceIds, CancellationToken ct = default);
}

/// <summary>Open assignments made for an audience: <paramref name="Assigned"/> in all, of which started and not
/// finished (<paramref name="InProgress"/>), past their due date and not finished (<paramref name="Overdue"/>),
/// finished (<paramref name="Completed"/>); <paramref name="Courses"/> is how many courses the audience is attached to.</summary>
public sealed record AudienceProgress(int Courses, int Assigned, int InProgress, int Overdue, int Completed);
