using Training.Courses.Data;
using Training.Courses.Domain;
using Training.Courses.Questions;

namespace Training.Courses.Tests.Domain;

/// <summary>The grading rule of every question kind, with its edge cases.</summary>
public sealed class QuestionGraderTests
{
    private static decimal Credit(VersionQuestion q, int[] selected, string? text = null) =>
        QuestionGraders.For(q.Kind).Credit(q, new QuestionResponse(selected, text));

    private static VersionQuestion Mr() => new()
    {
        Kind = QuestionKind.MultipleResponse, Options = ["A", "B", "C", "D", "E"], Correct = [0, 1, 2],
    };

    [Fact]
    public void EveryKindHasAGrader()
    {
        foreach (var kind in Enum.GetValues<QuestionKind>()) Assert.Equal(kind, QuestionGraders.For(kind).Kind);
    }

    [Fact]
    public void MultipleResponseGivesOneShareOfCreditPerCorrectOptionChosen()
    {
        Assert.Equal(1m, Credit(Mr(), [0, 1, 2]));
        Assert.Equal(0.6667m, Credit(Mr(), [0, 1]));
        Assert.Equal(0.3333m, Credit(Mr(), [2]));
    }

    [Fact]
    public void MultipleResponseLosesOneShareOfTheWrongOptionsPerWrongOptionChosen()
    {
        // 2 right of 3 (+2/3) and 1 wrong of 2 (−1/2).
        Assert.Equal(0.1667m, Credit(Mr(), [0, 1, 3]));
    }

    [Fact]
    public void MultipleResponseCreditIsFlooredAtZeroAndTickingEverythingEarnsNothing()
    {
        Assert.Equal(0m, Credit(Mr(), [3, 4]));
        Assert.Equal(0m, Credit(Mr(), [0, 3, 4]));
        Assert.Equal(0m, Credit(Mr(), [0, 1, 2, 3, 4]));
        Assert.Equal(0m, Credit(Mr(), []));
    }

    [Fact]
    public void MultipleChoiceStaysAllOrNothing()
    {
        var q = new VersionQuestion { Kind = QuestionKind.Multiple, Options = ["A", "B", "C"], Correct = [0, 1] };
        Assert.Equal(1m, Credit(q, [1, 0]));
        Assert.Equal(0m, Credit(q, [0]));
    }

    private static VersionQuestion Matching() => new()
    {
        Kind = QuestionKind.Matching, Options = ["Điều 8", "Điều 9", "Điều 10"], Accepted = ["Cấm", "Bảo vệ", "Trách nhiệm"],
    };

    [Fact]
    public void MatchingGivesTheShareOfPromptsMatchedRight()
    {
        Assert.Equal(1m, Credit(Matching(), [0, 1, 2]));
        Assert.Equal(0.3333m, Credit(Matching(), [0, 2, 1]));
        Assert.Equal(0.6667m, Credit(Matching(), [0, 1]));
        Assert.Equal(0m, Credit(Matching(), [-1, -1, -1]));
    }

    [Fact]
    public void MatchingRefusesAMatchOutsideTheList()
    {
        var g = QuestionGraders.For(QuestionKind.Matching);
        Assert.Null(g.Check(Matching(), new QuestionResponse([2, -1, 0])));
        Assert.NotNull(g.Check(Matching(), new QuestionResponse([3])));
        Assert.NotNull(g.Check(Matching(), new QuestionResponse([0, 1, 2, 0])));
    }

    [Fact]
    public void OrderingGivesTheShareOfItemsInTheirRightPosition()
    {
        var q = new VersionQuestion { Kind = QuestionKind.Ordering, Options = ["Tiếp nhận", "Thẩm định", "Phê duyệt", "Trả kết quả"] };
        Assert.Equal(1m, Credit(q, [0, 1, 2, 3]));
        Assert.Equal(0.5m, Credit(q, [0, 2, 1, 3]));
        Assert.Equal(0m, Credit(q, [3, 2, 1, 0]));
        Assert.NotNull(QuestionGraders.For(q.Kind).Check(q, new QuestionResponse([4, 0, 1, 2])));
    }

    private static VersionQuestion Short(bool fold) => new()
    {
        Kind = QuestionKind.ShortAnswer, Accepted = ["Ủy ban nhân dân", "UBND"], FoldDiacritics = fold,
    };

    [Fact]
    public void ShortAnswerIgnoresCaseSpacesAndUnicodeForm()
    {
        Assert.Equal(1m, Credit(Short(false), [], "  ủy BAN   nhân dân "));
        Assert.Equal(1m, Credit(Short(false), [], "ubnd"));
        // Decomposed input (NFD) is the same text once normalised.
        Assert.Equal(1m, Credit(Short(false), [], "Ủy ban nhân dân".Normalize(System.Text.NormalizationForm.FormD)));
    }

    [Fact]
    public void ShortAnswerWithoutDiacriticFoldingRefusesMissingDiacritics()
    {
        Assert.Equal(0m, Credit(Short(false), [], "uy ban nhan dan"));
        Assert.Equal(0m, Credit(Short(false), [], "Ủy ban nhân"));
        Assert.Equal(0m, Credit(Short(false), [], ""));
    }

    [Fact]
    public void ShortAnswerWithDiacriticFoldingAcceptsMissingDiacriticsAndDStroke()
    {
        Assert.Equal(1m, Credit(Short(true), [], "uy ban nhan dan"));
        var q = new VersionQuestion { Kind = QuestionKind.ShortAnswer, Accepted = ["Đảng"], FoldDiacritics = true };
        Assert.Equal(1m, Credit(q, [], "dang"));
    }

    private static VersionQuestion Numeric(decimal tolerance) => new()
    {
        Kind = QuestionKind.Numeric, Accepted = ["12.5"], Tolerance = tolerance,
    };

    [Theory]
    [InlineData("12.5", 0, 1)]
    [InlineData("12,5", 0, 1)]
    [InlineData("12.50001", 0, 0)]
    [InlineData("12.4", 0.1, 1)]
    [InlineData("12.6", 0.1, 1)]
    [InlineData("12.61", 0.1, 0)]
    [InlineData("12.39", 0.1, 0)]
    [InlineData("-12.5", 0.1, 0)]
    [InlineData("1.2.5", 1, 0)]
    [InlineData("mười hai", 1, 0)]
    [InlineData("", 1, 0)]
    public void NumericIsRightWithinTheToleranceBoundsIncluded(string given, double tolerance, int credit)
    {
        Assert.Equal((decimal)credit, Credit(Numeric((decimal)tolerance), [], given));
    }

    [Fact]
    public void AttemptScoreSumsPartialCredits()
    {
        var mr = Mr();
        mr.Id = Guid.NewGuid();
        var order = new VersionQuestion { Id = Guid.NewGuid(), Kind = QuestionKind.Ordering, Options = ["a", "b", "c", "d"] };
        var bank = new[] { mr, order }.ToDictionary(q => q.Id);
        var drawn = bank.Values.Select(q => new DrawnQuestion(q.Id, Enumerable.Range(0, q.Options.Count).ToArray())).ToList();
        var answers = new Dictionary<Guid, QuestionResponse> { [mr.Id] = new([0, 1, 2]), [order.Id] = new([0, 2, 1, 3]) };
        var result = QuizEngine.Grade(drawn, bank, answers, 75);
        Assert.Equal(75m, result.ScorePercent);
        Assert.True(result.Passed);
        Assert.Equal([true, false], result.Answers.Select(a => a.Correct));
        Assert.Equal(0.5m, result.Answers[1].Credit);
    }

    [Fact]
    public void MatchingIsDrawnWithItsMatchesShuffled()
    {
        var q = Matching();
        q.Id = Guid.NewGuid();
        var drawn = QuizEngine.Draw([q], 1, new Random(3)).Single();
        Assert.NotNull(drawn.MatchOrder);
        Assert.Equal([0, 1, 2], drawn.MatchOrder!.Order());
    }
}
