using Training.Courses.Domain;

namespace Training.Courses.Tests.Domain;

public sealed class CompletionRulesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    [Fact]
    public void OnlineCompletionNeedsEveryLessonAndAPass()
    {
        Assert.True(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: true));
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [A], quizPassed: true));
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: false));
    }

    [Fact]
    public void WithoutSectionQuizzesTheRuleIsTheOldOne()
    {
        Assert.True(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: true, sectionQuizzes: [], passedSections: []));
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [A], quizPassed: true, sectionQuizzes: [], passedSections: []));
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: false, sectionQuizzes: [], passedSections: []));
    }

    [Fact]
    public void OneSectionQuizNotPassedBlocksCompletion()
    {
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: true, sectionQuizzes: [1, 2], passedSections: [1]));
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: true, sectionQuizzes: [1], passedSections: []));
        // A passed attempt of a section that no longer has a quiz does not stand in for a missing one.
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: true, sectionQuizzes: [2], passedSections: [1]));
    }

    [Fact]
    public void EverySectionQuizPassedPlusTheFinalQuizAndLessonsCompletes()
    {
        Assert.True(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: true, sectionQuizzes: [1, 2], passedSections: [2, 1]));
        // Section quizzes do not replace the final quiz nor the lessons.
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [A, B], quizPassed: false, sectionQuizzes: [1, 2], passedSections: [1, 2]));
        Assert.False(CompletionRules.IsCompleteOnline([A, B], [B], quizPassed: true, sectionQuizzes: [1, 2], passedSections: [1, 2]));
    }

    [Theory]
    [InlineData(true, 80, true)]
    [InlineData(true, 79.5, false)]
    [InlineData(false, 100, false)]
    public void ClassCompletionNeedsAttendanceAndAPassingResult(bool attended, double result, bool complete)
    {
        Assert.Equal(complete, CompletionRules.IsCompleteInClass(attended, (decimal)result, 80));
        Assert.False(CompletionRules.IsCompleteInClass(true, null, 80));
    }
}
