namespace Training.Courses.Data;

public enum EvaluationItemKind
{
    /// <summary>A statement rated 1 (hoàn toàn không đồng ý) to 5 (hoàn toàn đồng ý).</summary>
    Likert = 0,
    FreeText = 1,
}

/// <summary>The evaluation survey of a course (one per course), edited by its trainers.</summary>
public sealed class EvaluationForm
{
    public Guid CourseId { get; set; }
    /// <summary>When set, a learner's completion (and so the certificate) waits until the survey is answered.</summary>
    public bool Required { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<EvaluationItem> Items { get; set; } = [];
}

public sealed class EvaluationItem
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public int Order { get; set; }
    public EvaluationItemKind Kind { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>One anonymous answer sheet: no user id, and only the day (not the time) it was given, so it cannot be
/// joined to <see cref="EvaluationAnswered"/>. The unit lets HR see the results of their own scope.</summary>
public sealed class EvaluationResponse
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public Guid? UnitId { get; set; }
    public DateOnly SubmittedOn { get; set; }
}

public sealed class EvaluationAnswer
{
    public Guid ResponseId { get; set; }
    public Guid ItemId { get; set; }
    public Guid CourseId { get; set; }
    /// <summary>1–5 for a Likert item.</summary>
    public int? Score { get; set; }
    public string? Text { get; set; }
}

/// <summary>That a learner has answered a course's survey (prevents a second answer); holds nothing of the answer.</summary>
public sealed class EvaluationAnswered
{
    public Guid CourseId { get; set; }
    public string UserId { get; set; } = "";
    public DateOnly AnsweredOn { get; set; }
}
