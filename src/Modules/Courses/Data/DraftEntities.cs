namespace Training.Courses.Data;

public enum CourseStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

/// <summary>What the review of a submitted attempt shows (a course setting, copied into each published version).</summary>
public enum ReviewMode
{
    /// <summary>Correct answers and explanations once the learner passed or used every attempt; before that, right or wrong only.</summary>
    AnswersWhenFinished = 0,
    /// <summary>Correct answers and explanations after every attempt.</summary>
    AnswersAlways = 1,
    /// <summary>Right or wrong per question, never the correct answers.</summary>
    RightOrWrongOnly = 2,
}

public enum QuestionKind
{
    Single = 0,
    Multiple = 1,
    TrueFalse = 2,
    /// <summary>Several correct options with partial credit (see <c>Questions.MultipleResponseGrader</c>).</summary>
    MultipleResponse = 3,
    /// <summary>Options are the prompts; <c>Accepted[i]</c> is the match of prompt i.</summary>
    Matching = 4,
    /// <summary>Options are stored in the correct order and shown shuffled.</summary>
    Ordering = 5,
    /// <summary>Typed answer compared with each of <c>Accepted</c> (NFC, case folding, optional diacritic folding).</summary>
    ShortAnswer = 6,
    /// <summary><c>Accepted[0]</c> is the value (invariant culture), right within ± <c>Tolerance</c>.</summary>
    Numeric = 7,
}

/// <summary>The editable course. Learners never see it directly: they see a <see cref="CourseVersion"/>.</summary>
public sealed class Course
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Category { get; set; } = "";
    /// <summary>Staff categories the course is meant for, separated by <c>;</c>; empty means everyone.</summary>
    public string Audience { get; set; } = "";
    public decimal EstimatedHours { get; set; }
    public CourseStatus Status { get; set; }
    /// <summary>Latest published version number (0 = never published).</summary>
    public int LatestVersion { get; set; }
    public Guid? PublishedVersionId { get; set; }
    public int QuizQuestionCount { get; set; } = 10;
    public int PassingPercent { get; set; } = 80;
    public int AttemptLimit { get; set; } = 3;
    public int? TimeLimitMinutes { get; set; }
    public ReviewMode ReviewMode { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when a programme administrator marked the course "cần cập nhật" (e.g. the law it teaches changed);
    /// cleared by the next publication, which then asks the programmes listing the course to open a new cycle.</summary>
    public DateTimeOffset? UpdateRequestedAt { get; set; }
    public string? UpdateRequestedBy { get; set; }
    public string? UpdateReason { get; set; }
    /// <summary>Due date of the holders' new cycle, chosen when the update was requested.</summary>
    public DateOnly? RecertifyDueOn { get; set; }
    public List<CourseOwner> Owners { get; set; } = [];
    public List<Section> Sections { get; set; } = [];
    public List<Question> Questions { get; set; } = [];
}

public sealed class CourseOwner
{
    public Guid CourseId { get; set; }
    public string UserId { get; set; } = "";
}

public sealed class Section
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Questions drawn per attempt of this section's quiz, from the bank questions assigned to the section;
    /// 0 = the section has no quiz. Pass mark, attempts, time limit and review are the course's quiz settings.</summary>
    public int QuizQuestionCount { get; set; }
    public List<Lesson> Lessons { get; set; } = [];
}

public sealed class Lesson
{
    public Guid Id { get; set; }
    public Guid SectionId { get; set; }
    public Guid CourseId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public string Markdown { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A question of the course's bank. Options and correct indexes are stored as JSON arrays.</summary>
public sealed class Question
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public int Order { get; set; }
    public QuestionKind Kind { get; set; }
    public string Text { get; set; } = "";
    public List<string> Options { get; set; } = [];
    public List<int> Correct { get; set; } = [];
    public string Explanation { get; set; } = "";
    public string? Citation { get; set; }
    /// <summary>Matches (matching), accepted answers (short answer) or the value (numeric); empty for choice kinds.</summary>
    public List<string> Accepted { get; set; } = [];
    public decimal? Tolerance { get; set; }
    /// <summary>Short answer: also ignore Vietnamese diacritics when comparing.</summary>
    public bool FoldDiacritics { get; set; }
    /// <summary>The section whose quiz draws this question; null = final quiz only. The final quiz draws from the
    /// whole bank, as before section quizzes existed.</summary>
    public Guid? SectionId { get; set; }
}
