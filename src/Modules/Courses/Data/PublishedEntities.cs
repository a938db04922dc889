namespace Training.Courses.Data;

/// <summary>An immutable snapshot taken at publication. Enrolments, attempts and completions point here.</summary>
public sealed class CourseVersion
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Category { get; set; } = "";
    public string Audience { get; set; } = "";
    public decimal EstimatedHours { get; set; }
    public int QuizQuestionCount { get; set; }
    public int PassingPercent { get; set; }
    public int AttemptLimit { get; set; }
    public int? TimeLimitMinutes { get; set; }
    public ReviewMode ReviewMode { get; set; }
    public int LessonCount { get; set; }
    public int QuestionCount { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
}

public sealed class VersionLesson
{
    public Guid Id { get; set; }
    public Guid VersionId { get; set; }
    public Guid CourseId { get; set; }
    public Guid SourceLessonId { get; set; }
    public int SectionOrder { get; set; }
    public string SectionTitle { get; set; } = "";
    /// <summary>The section's quiz question count (copied on every lesson of the section); 0 = no section quiz.</summary>
    public int SectionQuizCount { get; set; }
    /// <summary>Position in the whole course, 1-based.</summary>
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Markdown { get; set; } = "";
    public string ContentHash { get; set; } = "";
}

public sealed class VersionQuestion
{
    public Guid Id { get; set; }
    public Guid VersionId { get; set; }
    public int Number { get; set; }
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
    /// <summary>Order of the section whose quiz draws this question; 0 = none (final quiz only).</summary>
    public int SectionOrder { get; set; }
}

/// <summary>An article cited by a published lesson (for the legal library's "cited by" lists).</summary>
public sealed class LessonCitation
{
    public Guid LessonId { get; set; }
    public string ArticleKey { get; set; } = "";
    public Guid VersionId { get; set; }
}
