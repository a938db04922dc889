using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary><c>Selected[i]</c> is the position (0-based) the learner gave item i, whose right position is i
/// (options are stored in the right order). Credit is the share of items in their right position.</summary>
public sealed class OrderingGrader : IQuestionGrader
{
    public QuestionKind Kind => QuestionKind.Ordering;

    public string? Check(VersionQuestion question, QuestionResponse response) =>
        response.Selected.Length > question.Options.Count || response.Selected.Any(i => i < -1 || i >= question.Options.Count)
            ? "Thứ tự sắp xếp không hợp lệ." : null;

    public decimal Credit(VersionQuestion question, QuestionResponse response)
    {
        if (question.Options.Count == 0) return 0m;
        var right = response.Selected.Where((position, item) => position == item).Count();
        return Math.Round((decimal)right / question.Options.Count, 4);
    }
}
