using Training.Courses.Data;
using Training.Courses.Domain;
using Training.Courses.Questions;

namespace Training.Courses.Tests.Domain;

public sealed class QuizEngineTests
{
    private static List<VersionQuestion> Bank(int count) => Enumerable.Range(1, count).Select(i => new VersionQuestion
    {
        Id = Guid.NewGuid(), Number = i, Kind = i % 3 == 0 ? QuestionKind.Multiple : i % 3 == 1 ? QuestionKind.Single : QuestionKind.TrueFalse,
        Text = $"Câu {i}", Options = i % 3 == 2 ? ["Đúng", "Sai"] : ["A", "B", "C", "D"], Correct = i % 3 == 0 ? [0, 2] : [1],
    }).ToList();

    [Fact]
    public void DrawTakesTheRequestedNumberOfDistinctQuestionsFromTheBank()
    {
        var bank = Bank(15);
        var drawn = QuizEngine.Draw(bank, 10, new Random(1));
        Assert.Equal(10, drawn.Count);
        Assert.Equal(10, drawn.Select(d => d.QuestionId).Distinct().Count());
        Assert.All(drawn, d => Assert.Contains(bank, q => q.Id == d.QuestionId));
    }

    [Fact]
    public void DrawShufflesOptionsAsAPermutationAndVariesBetweenAttempts()
    {
        var bank = Bank(15);
        var first = QuizEngine.Draw(bank, 15, new Random(1));
        var second = QuizEngine.Draw(bank, 15, new Random(2));
        foreach (var d in first)
        {
            var q = bank.Single(x => x.Id == d.QuestionId);
            Assert.Equal(Enumerable.Range(0, q.Options.Count), d.OptionOrder.Order());
        }
        Assert.NotEqual(first.Select(d => d.QuestionId), second.Select(d => d.QuestionId));
        Assert.Contains(first, d => !d.OptionOrder.SequenceEqual(Enumerable.Range(0, d.OptionOrder.Length)));
    }

    [Fact]
    public void DrawNeverTakesMoreThanTheBankHolds()
    {
        Assert.Equal(3, QuizEngine.Draw(Bank(3), 10, new Random(1)).Count);
    }

    [Fact]
    public void MultipleChoiceIsRightOnlyWithExactlyTheCorrectOptions()
    {
        var q = new VersionQuestion { Kind = QuestionKind.Multiple, Options = ["A", "B", "C", "D"], Correct = [0, 2] };
        Assert.True(QuizEngine.IsCorrect(q, [2, 0]));
        Assert.False(QuizEngine.IsCorrect(q, [0]));
        Assert.False(QuizEngine.IsCorrect(q, [0, 1, 2]));
        Assert.False(QuizEngine.IsCorrect(q, []));
    }

    [Fact]
    public void SingleChoiceWithTwoSelectionsIsWrongEvenIfOneIsCorrect()
    {
        var q = new VersionQuestion { Kind = QuestionKind.Single, Options = ["A", "B", "C"], Correct = [1] };
        Assert.True(QuizEngine.IsCorrect(q, [1]));
        Assert.False(QuizEngine.IsCorrect(q, [1, 2]));
        var tf = new VersionQuestion { Kind = QuestionKind.TrueFalse, Options = ["Đúng", "Sai"], Correct = [1] };
        Assert.True(QuizEngine.IsCorrect(tf, [1]));
        Assert.False(QuizEngine.IsCorrect(tf, [0]));
    }

    [Theory]
    [InlineData(8, 10, true)]
    [InlineData(7, 10, false)]
    [InlineData(10, 10, true)]
    [InlineData(0, 10, false)]
    public void PassingNeedsAtLeastThePassingScore(int right, int total, bool passed)
    {
        var bank = Bank(total).Select(q => { q.Kind = QuestionKind.Single; q.Options = ["A", "B"]; q.Correct = [0]; return q; }).ToList();
        var drawn = bank.Select(q => new DrawnQuestion(q.Id, [1, 0])).ToList();
        var answers = bank.Select((q, i) => (q.Id, Selected: new[] { i < right ? 0 : 1 })).ToDictionary(x => x.Id, x => new QuestionResponse(x.Selected));
        var result = QuizEngine.Grade(drawn, bank.ToDictionary(q => q.Id), answers, 80);
        Assert.Equal(passed, result.Passed);
        Assert.Equal(Math.Round(100m * right / total, 2), result.ScorePercent);
        Assert.Equal(right, result.Answers.Count(a => a.Correct));
    }

    [Fact]
    public void UnansweredQuestionsCountAsWrong()
    {
        var bank = Bank(3);
        var drawn = bank.Select(q => new DrawnQuestion(q.Id, Enumerable.Range(0, q.Options.Count).ToArray())).ToList();
        var result = QuizEngine.Grade(drawn, bank.ToDictionary(q => q.Id), new Dictionary<Guid, QuestionResponse>(), 80);
        Assert.Equal(0m, result.ScorePercent);
        Assert.False(result.Passed);
    }

    [Fact]
    public void AnswersForQuestionsNotDrawnOrOptionsOutOfRangeAreRefused()
    {
        var bank = Bank(4);
        var drawn = bank.Take(2).Select(q => new DrawnQuestion(q.Id, Enumerable.Range(0, q.Options.Count).ToArray())).ToList();
        var byId = bank.ToDictionary(q => q.Id);
        Assert.Null(QuizEngine.Validate(drawn, byId, new Dictionary<Guid, QuestionResponse> { [bank[0].Id] = new([1]) }));
        Assert.NotNull(QuizEngine.Validate(drawn, byId, new Dictionary<Guid, QuestionResponse> { [bank[3].Id] = new([1]) }));
        Assert.NotNull(QuizEngine.Validate(drawn, byId, new Dictionary<Guid, QuestionResponse> { [bank[0].Id] = new([9]) }));
        Assert.NotNull(QuizEngine.Validate(drawn, byId, new Dictionary<Guid, QuestionResponse> { [bank[0].Id] = new([-1]) }));
    }
}
