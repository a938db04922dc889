namespace Training.Courses.Data;

/// <summary>A course a holder must complete again for a new certification cycle (from <c>RecertificationOpened</c>).
/// Kept apart from <see cref="Assignment"/>, whose natural key is (course, person) once for all time: a cycle
/// assignment is keyed by (person, programme, cycle, course), so each cycle asks for the course again and the history
/// of cycles stays. It is done when a completion of the course exists at or after <see cref="OpenedAt"/>: an earlier
/// completion belongs to the previous cycle (and, for an updated course, taught the old content).</summary>
public sealed class CycleAssignment
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid ProgrammeId { get; set; }
    public string ProgrammeName { get; set; } = "";
    public int Cycle { get; set; }
    public Guid CourseId { get; set; }
    public string CourseCode { get; set; } = "";
    /// <summary>One of <c>RecertificationReasons</c>.</summary>
    public string Reason { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    /// <summary>The run started for this cycle (null when the learner's unfinished run was kept).</summary>
    public Guid? EnrolmentId { get; set; }
}
