using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary>The grader of each kind. Grading is pure, so the graders are shared instances rather than services.</summary>
public static class QuestionGraders
{
    private static readonly Dictionary<QuestionKind, IQuestionGrader> ByKind = new IQuestionGrader[]
    {
        new SingleChoiceGrader(), new TrueFalseGrader(), new MultipleChoiceGrader(), new MultipleResponseGrader(),
        new MatchingGrader(), new OrderingGrader(), new ShortAnswerGrader(), new NumericGrader(),
    }.ToDictionary(g => g.Kind);

    public static IQuestionGrader For(QuestionKind kind) =>
        ByKind.TryGetValue(kind, out var g) ? g : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No grader for this kind.");

    /// <summary>Kinds answered by typing rather than choosing.</summary>
    public static bool IsTyped(QuestionKind kind) => kind is QuestionKind.ShortAnswer or QuestionKind.Numeric;
}
