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
