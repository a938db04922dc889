namespace Training.Courses.Data;

/// <summary>What a due date counts from when an audience is attached to a course.</summary>
public enum DueFrom
{
    /// <summary>The audience rule's start date.</summary>
    RuleStart = 0,

    /// <summary>The person's joining date (first on the roster); someone who joined before the attachment counts from the attachment.</summary>
    Joining = 1,
}

/// <summary>An audience attached to a course: every member is assigned the course, due <see cref="DueDays"/> days
/// after <see cref="DueFrom"/>.</summary>
public sealed class AudienceCourse
{
    public Guid Id { get; set; }
    public Guid AudienceId { get; set; }
    public Guid CourseId { get; set; }
    public DueFrom DueFrom { get; set; }
    public int DueDays { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One step in an assignment's life (assigned, closed, reopened), never updated or deleted.</summary>
public sealed class AssignmentHistory
{
    public Guid Id { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid? AudienceId { get; set; }
    public string Kind { get; set; } = "";
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class AssignmentHistoryKinds
{
    public const string Assigned = "assigned";
    public const string Closed = "closed";
    public const string Reopened = "reopened";

    /// <summary>Kept open for another audience attached to the same course (the reason says which and why).</summary>
    public const string Transferred = "transferred";

    /// <summary>HR assigned the course by hand to someone an audience had assigned it to: now a manual assignment.</summary>
    public const string Manual = "manual";
}
