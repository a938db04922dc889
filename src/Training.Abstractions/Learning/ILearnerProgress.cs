namespace Training.Abstractions.Learning;

/// <summary>Per person counts of assigned courses, implemented by Courses, used by the unit head's page and digest.</summary>
public interface ILearnerProgress
{
    /// <summary>For each of the given people who has at least one assignment, the counts on <paramref name="asOf"/>.
    /// People without assignments are absent.</summary>
    Task<IReadOnlyDictionary<string, LearnerProgress>> GetProgressAsync(IReadOnlyCollection<string> userIds, DateOnly asOf,
        CancellationToken ct = default);
}

/// <summary>A person's assignments: <paramref name="Assigned"/> in all, of which <paramref name="Completed"/> done,
/// <paramref name="InProgress"/> started and not done, <paramref name="Overdue"/> past their due date and not done
/// (the earliest such due date in <paramref name="OldestOverdueOn"/>).</summary>
public sealed record LearnerProgress(int Assigned, int Completed, int InProgress, int Overdue, DateOnly? OldestOverdueOn);
