namespace Training.Abstractions.Audiences;

/// <summary>A person's course assignments with where they came from (implemented by Courses, served by the HR API).</summary>
public interface IPersonAssignments
{
    Task<IReadOnlyList<PersonAssignment>> GetAssignmentsAsync(string userId, CancellationToken ct = default);
}

/// <summary>One assignment. <paramref name="Source"/> is <c>audience</c> (then <paramref name="AudienceId"/> is set) or
/// <c>manual</c>; <paramref name="Status"/> is <c>assigned</c>, <c>in_progress</c>, <c>overdue</c>, <c>completed</c> or
/// <c>closed</c> (then <paramref name="ClosedReason"/> says why).</summary>
public sealed record PersonAssignment(
    Guid CourseId, string CourseCode, string CourseTitle, DateOnly DueOn, DateTimeOffset AssignedAt, string Source, Guid? AudienceId,
    string Target, string Status, DateTimeOffset? ClosedAt, string? ClosedReason);
