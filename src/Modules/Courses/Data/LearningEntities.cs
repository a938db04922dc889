namespace Training.Courses.Data;

public enum EnrolmentSource
{
    Self = 0,
    Assigned = 1,
    Class = 2,
}

/// <summary>One run of a learner through one published version. Retaking creates a new enrolment.</summary>
public sealed class Enrolment
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid CourseId { get; set; }
    public Guid VersionId { get; set; }
    public EnrolmentSource Source { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
    public DateOnly? DueOn { get; set; }
    public Guid? LastLessonId { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>False once the learner started a retake: the old run stays as history.</summary>
    public bool IsCurrent { get; set; } = true;
}

public sealed class LessonProgress
{
    public Guid EnrolmentId { get; set; }
    public Guid LessonId { get; set; }
    public DateTimeOffset DoneAt { get; set; }
}

public enum AttemptStatus
{
    Open = 0,
    Submitted = 1,
}

/// <summary>A quiz attempt: which questions were drawn, in which option order, and the deadline.</summary>
public sealed class QuizAttempt
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public string UserId { get; set; } = "";
    public Guid VersionId { get; set; }
    /// <summary>Which quiz: 0 = the final quiz, otherwise the order of the section whose quiz this is.</summary>
    public int Section { get; set; }
    /// <summary>1-based per quiz (per <see cref="Section"/>) of the run.</summary>
    public int Number { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public List<DrawnQuestion> Drawn { get; set; } = [];
    public AttemptStatus Status { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public List<GivenAnswer> Answers { get; set; } = [];
    public decimal? ScorePercent { get; set; }
    public bool? Passed { get; set; }
}

/// <summary>A drawn question and the order its options are shown in (original indexes); for matching, also the
/// order of the matches offered in each list.</summary>
public sealed record DrawnQuestion(Guid QuestionId, int[] OptionOrder, int[]? MatchOrder = null);

/// <summary>One question's answer: the chosen options (original indexes; for matching the match chosen per prompt,
/// for ordering the position given to each item, -1 for none), the typed text (short answer, numeric), the credit
/// from 0 to 1 (null in attempts graded before partial credit: then 1 when right) and whether it was fully right.</summary>
public sealed record GivenAnswer(Guid QuestionId, int[] Selected, bool Correct, string? Text = null, decimal? Credit = null)
{
    public decimal Earned => Credit ?? (Correct ? 1m : 0m);
}

/// <summary>Immutable record that a learner completed a course version.</summary>
public sealed class Completion
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public string UserId { get; set; } = "";
    public Guid CourseId { get; set; }
    public Guid VersionId { get; set; }
    public int Version { get; set; }
    public decimal ScorePercent { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
    public Guid? ClassId { get; set; }
    public Guid? AttemptId { get; set; }
}

public sealed class Assignment
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public string UserId { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public string AssignedBy { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public string Target { get; set; } = "";

    /// <summary>The audience whose rule made this assignment; null when HR assigned it by hand.</summary>
    public Guid? AudienceId { get; set; }

    /// <summary>Set when the person left the audience: the assignment stays as history, no longer required.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedReason { get; set; }
}

/// <summary>An in-person training class (lớp tập huấn) of a course.</summary>
public sealed class TrainingClass
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public string Place { get; set; } = "";
    public string TrainerId { get; set; } = "";
    public string TrainerName { get; set; } = "";
    public int Capacity { get; set; }
    public DateTimeOffset? AttendanceTakenAt { get; set; }
}

public sealed class ClassRegistration
{
    public Guid ClassId { get; set; }
    public string UserId { get; set; } = "";
    public string FullName { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public bool Attended { get; set; }
    public decimal? ResultPercent { get; set; }
}

/// <summary>A learning event kept as an xAPI statement.</summary>
public sealed class XapiStatement
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? ActorEmail { get; set; }
    public Guid? UnitId { get; set; }
    public string Verb { get; set; } = "";
    /// <summary>Path of the activity on this site, e.g. <c>/courses/ANM-01</c>; the export makes it absolute.</summary>
    public string ObjectPath { get; set; } = "";
    public string ObjectName { get; set; } = "";
    public string ObjectType { get; set; } = "";
    public decimal? ScoreScaled { get; set; }
    public bool? Success { get; set; }
    public bool? Completion { get; set; }
    public DateTimeOffset Timestamp { get; set; }
}
