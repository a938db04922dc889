using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Audiences;

/// <summary>An assignment's id and person.</summary>
public sealed record AssignmentRef(Guid Id, string UserId);

/// <summary>The rows one membership change adds or updates, computed before the write transaction.</summary>
public sealed class AudiencePlan(MembershipChange change)
{
    public MembershipChange Change => change;
    public List<Assignment> Assignments { get; } = [];
    public List<Enrolment> Enrolments { get; } = [];
    public List<(Guid Id, DateOnly DueOn)> Reopened { get; } = [];
    public List<(Guid Id, string Reason)> Closed { get; } = [];
    public List<AssignmentHistory> History { get; } = [];

    public bool IsEmpty => Assignments.Count == 0 && Reopened.Count == 0 && Closed.Count == 0;

    public void Assign(AudienceCourse link, CatalogItem course, string userId, DateOnly due, bool needsEnrolment)
    {
        var assignment = new Assignment
        {
            Id = Guid.NewGuid(), CourseId = course.CourseId, UserId = userId, DueOn = due, AssignedBy = link.CreatedBy,
            AudienceId = change.AudienceId, Target = $"Nhóm đối tượng: {change.AudienceName}",
        };
        Assignments.Add(assignment);
        History.Add(Step(assignment.Id, AssignmentHistoryKinds.Assigned, null));
        if (needsEnrolment)
            Enrolments.Add(new Enrolment
            {
                Id = Guid.NewGuid(), UserId = userId, CourseId = course.CourseId, VersionId = course.VersionId, Source = EnrolmentSource.Assigned,
                DueOn = due, IsCurrent = true,
            });
    }

    public void Reopen(Assignment found, DateOnly due)
    {
        Reopened.Add((found.Id, due));
        History.Add(Step(found.Id, AssignmentHistoryKinds.Reopened, null));
    }

    public void Close(IReadOnlyList<AssignmentRef> open)
    {
        var reasons = change.Left.ToDictionary(l => l.UserId, l => l.Reason, StringComparer.Ordinal);
        foreach (var a in open)
        {
            Closed.Add((a.Id, reasons[a.UserId]));
            History.Add(Step(a.Id, AssignmentHistoryKinds.Closed, reasons[a.UserId]));
        }
    }

    /// <summary>Sets the write's instant on the new rows (a retried plan is written later than it was planned).</summary>
    public void Stamp(DateTimeOffset now)
    {
        foreach (var a in Assignments) a.AssignedAt = now;
        foreach (var e in Enrolments) e.EnrolledAt = now;
        foreach (var h in History) h.At = now;
    }

    private AssignmentHistory Step(Guid assignmentId, string kind, string? reason) =>
        new() { Id = Guid.NewGuid(), AssignmentId = assignmentId, AudienceId = change.AudienceId, Kind = kind, Reason = reason };
}
