namespace Training.Courses.Domain;

/// <summary>When a run of a course counts as complete.</summary>
public static class CompletionRules
{
    /// <summary>Online: every lesson of the version done, a passing attempt of the final quiz and, for every section that
    /// has a quiz (<paramref name="sectionQuizzes"/>, section orders), a passing attempt of that quiz. Without section
    /// quizzes this is the rule from before they existed.</summary>
    public static bool IsCompleteOnline(IReadOnlyCollection<Guid> versionLessons, IReadOnlyCollection<Guid> doneLessons, bool quizPassed,
        IReadOnlyCollection<int>? sectionQuizzes = null, IReadOnlyCollection<int>? passedSections = null) =>
        quizPassed && versionLessons.All(doneLessons.Contains)
        && (sectionQuizzes ?? []).All(s => passedSections?.Contains(s) == true);

    /// <summary>In class: attended and a passing result.</summary>
    public static bool IsCompleteInClass(bool attended, decimal? resultPercent, int passingPercent) =>
        attended && resultPercent is { } r && r >= passingPercent;
}
