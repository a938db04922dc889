namespace Training.Abstractions.Learning;

/// <summary>Read access to learning activity, implemented by the Courses module, used by reporting and reminders.</summary>
public interface ILearningActivity
{
    /// <summary>The ids of the courses with these codes (case-insensitive); unknown codes are left out.</summary>
    Task<IReadOnlyList<Guid>> GetCourseIdsAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default);

    /// <summary>Learners with an enrolment in any of the courses that is started or assigned but not completed.</summary>
    Task<IReadOnlySet<string>> GetLearnersInProgressAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken ct = default);

    /// <summary>Per course, between two days (Vietnam time, both included), counting only <paramref name="learners"/>: the
    /// learners who completed it (online or in class), the in-person classes one of them attended and how many of them
    /// attended. A report on a unit passes the unit's people, so no other unit's figures leak into it.</summary>
    Task<IReadOnlyList<CourseActivity>> GetCourseActivityAsync(DateOnly from, DateOnly to, IReadOnlySet<string> learners, CancellationToken ct = default);

    /// <summary>Assignments whose due date is before <paramref name="asOf"/> and whose course is not completed.</summary>
    Task<IReadOnlyList<OverdueAssignment>> GetOverdueAssignmentsAsync(DateOnly asOf, CancellationToken ct = default);
}

/// <summary>What happened in one course over a period, for a set of learners.</summary>
/// <param name="Completions">Learners who completed the course in the period (each once).</param>
public sealed record CourseActivity(Guid CourseId, string Code, string Title, int Completions, int ClassesHeld, int ClassAttendees);

/// <summary>An assignment past its due date.</summary>
public sealed record OverdueAssignment(Guid AssignmentId, string UserId, Guid CourseId, string CourseTitle, DateOnly DueOn);
