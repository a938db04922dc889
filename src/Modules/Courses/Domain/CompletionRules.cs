namespace Training.Courses.Domain;

/// <summary>When a run of a course counts as complete.</summary>
public static class CompletionRules
{
    /// <summary>Online: every lesson of the version done and a passing attempt.</summary>
    public static bool IsCompleteOnline(IReadOnlyCollection<Guid> versionLessons, IReadOnlyCollection<Guid> doneLessons, bool quizPassed) =>
        quizPassed && versionLessons.All(doneLessons.Contains);

    /// <summary>In class: attended and a passing result.</summary>
    public static bool IsCompleteInClass(bool attended, decimal? resultPercent, int passingPercent) =>
        attended && resultPercent is { } r && r >= passingPercent;
}
