using Training.Abstractions.Audiences;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Audiences;

/// <summary>An open audience assignment: its id, person and the audience that holds it.</summary>
public sealed record AssignmentRef(Guid Id, string UserId, Guid AudienceId);

/// <summary>The rows one membership change adds or updates, computed before the write transaction.</summary>
public sealed class AudiencePlan(MembershipChange change)
{
    public MembershipChange Change => change;
    public List<Assignment> Assignments { get; } = [];
    public List<Enrolment> Enrolments { get; } = [];
    public List<(Guid Id, DateOnly DueOn)> Reopened { get; } = [];
    public List<(Guid Id, string Reason)> Closed { get; } = [];
    public List<(AssignmentRef Ref, AudienceStay To)> Transferred { get; } = [];
    public List<AssignmentHistory> History { get; } = [];

    public bool IsEmpty => Assignments.Count == 0 && Reopened.Count == 0 && Closed.Count == 0 && Transferred.Count == 0;

    public static string TargetOf(string audienceName) => $"Nhóm đối tượng: {audienceName}";

    public void Assign(AudienceCourse link, CatalogItem course, string userId, DateOnly due, bool needsEnrolment)
    {
        var assignment = new Assignment
        {
            Id = Guid.NewGuid(), CourseId = course.CourseId, UserId = userId, DueOn = due, AssignedBy = link.CreatedBy,
            AudienceId = change.AudienceId, Target = TargetOf(change.AudienceName),
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

    private Dictionary<string, string>? _reasons;

    private string ReasonOf(string userId) =>
        (_reasons ??= change.Left.ToDictionary(l => l.UserId, l => l.Reason, StringComparer.Ordinal))[userId];

    /// <summary>No attached audience holds the person any more: closed with the reason they left.</summary>
    public void Close(AssignmentRef open)
    {
        var reason = ReasonOf(open.UserId);
        Closed.Add((open.Id, reason));
        History.Add(Step(open.Id, AssignmentHistoryKinds.Closed, reason));
    }

    /// <summary>The person left the audience but another audience attached to the course still holds them: the
    /// assignment stays open and now belongs to that audience (so its own "left" closes it later).</summary>
    public void Transfer(AssignmentRef open, AudienceStay to)
    {
        Transferred.Add((open, to));
        History.Add(new AssignmentHistory
        {
            Id = Guid.NewGuid(), AssignmentId = open.Id, AudienceId = to.AudienceId, Kind = AssignmentHistoryKinds.Transferred,
            Reason = $"{ReasonOf(open.UserId)}; vẫn thuộc nhóm «{to.AudienceName}»",
        });
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
