using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary><c>Selected[i]</c> is the match (index into <c>Accepted</c>) chosen for prompt i, -1 for none.
/// Credit is the share of prompts matched right.</summary>
public sealed class MatchingGrader : IQuestionGrader
{
    public QuestionKind Kind => QuestionKind.Matching;

    public string? Check(VersionQuestion question, QuestionResponse response) =>
        response.Selected.Length > question.Options.Count || response.Selected.Any(i => i < -1 || i >= question.Accepted.Count)
            ? "Lựa chọn ghép cặp không hợp lệ." : null;

    public decimal Credit(VersionQuestion question, QuestionResponse response)
    {
        if (question.Options.Count == 0) return 0m;
        var right = response.Selected.Where((chosen, prompt) => chosen == prompt).Count();
        return Math.Round((decimal)right / question.Options.Count, 4);
    }
}
