using Training.Courses.Data;

namespace Training.Courses.Domain;

/// <summary>When the review of a submitted attempt may show the correct answers.</summary>
public static class ReviewRules
{
    /// <summary>By the version's <see cref="ReviewMode"/>. The default waits until the learner passed or has no attempt
    /// left, so a small bank cannot be learnt from the reviews of failed attempts.</summary>
    public static bool ShowAnswers(CourseVersion version, IReadOnlyCollection<QuizAttempt> attempts) => version.ReviewMode switch
    {
        ReviewMode.AnswersAlways => true,
        ReviewMode.RightOrWrongOnly => false,
        _ => attempts.Any(a => a.Passed == true)
            || (version.AttemptLimit > 0 && attempts.Count(a => a.Status == AttemptStatus.Submitted) >= version.AttemptLimit),
    };
}
