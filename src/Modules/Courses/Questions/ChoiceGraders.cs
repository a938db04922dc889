using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary>Choice kinds share the shape check: distinct option indexes within the options.</summary>
public abstract class ChoiceGrader : IQuestionGrader
{
    public abstract QuestionKind Kind { get; }

    public string? Check(VersionQuestion question, QuestionResponse response) =>
        response.Selected.Any(i => i < 0 || i >= question.Options.Count) ? "Lựa chọn không hợp lệ." : null;

    public abstract decimal Credit(VersionQuestion question, QuestionResponse response);

    /// <summary>All or nothing: exactly the correct options, and a single one for one-answer kinds.</summary>
    protected static decimal Exactly(VersionQuestion question, QuestionResponse response, bool oneOnly)
    {
        var chosen = response.Selected.ToHashSet();
        if (oneOnly && chosen.Count != 1) return 0m;
        return chosen.SetEquals(question.Correct) ? 1m : 0m;
    }
}

public sealed class SingleChoiceGrader : ChoiceGrader
{
    public override QuestionKind Kind => QuestionKind.Single;
    public override decimal Credit(VersionQuestion question, QuestionResponse response) => Exactly(question, response, oneOnly: true);
}

public sealed class TrueFalseGrader : ChoiceGrader
{
    public override QuestionKind Kind => QuestionKind.TrueFalse;
    public override decimal Credit(VersionQuestion question, QuestionResponse response) => Exactly(question, response, oneOnly: true);
}

public sealed class MultipleChoiceGrader : ChoiceGrader
{
    public override QuestionKind Kind => QuestionKind.Multiple;
    public override decimal Credit(VersionQuestion question, QuestionResponse response) => Exactly(question, response, oneOnly: false);
}

/// <summary>Partial credit: with k correct options among n, each correct option chosen earns 1/k and each wrong
/// option chosen loses 1/(n − k); the sum is floored at 0. Ticking every option therefore earns 0, as in Moodle's
/// usual setting for multiple-response questions.</summary>
public sealed class MultipleResponseGrader : ChoiceGrader
{
    public override QuestionKind Kind => QuestionKind.MultipleResponse;

    public override decimal Credit(VersionQuestion question, QuestionResponse response)
    {
        var k = question.Correct.Count;
        var wrongCount = question.Options.Count - k;
        if (k == 0) return 0m;
        var chosen = response.Selected.ToHashSet();
        var hits = chosen.Count(question.Correct.Contains);
        var misses = chosen.Count - hits;
        var credit = (decimal)hits / k - (wrongCount == 0 ? 0m : (decimal)misses / wrongCount);
        return Math.Round(Math.Max(0m, credit), 4);
    }
}
