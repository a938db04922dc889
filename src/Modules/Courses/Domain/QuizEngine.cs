using Training.Courses.Data;
using Training.Courses.Questions;

namespace Training.Courses.Domain;

/// <summary>Drawing and grading, free of I/O so the rules are unit-tested directly.</summary>
public static class QuizEngine
{
    /// <summary>Draws <paramref name="count"/> distinct questions at random and shuffles each one's options (and, for
    /// matching, the list of matches).</summary>
    public static List<DrawnQuestion> Draw(IReadOnlyList<VersionQuestion> bank, int count, Random random)
    {
        var ids = bank.ToArray();
        random.Shuffle(ids);
        return ids.Take(Math.Clamp(count, 1, ids.Length))
            .Select(q =>
            {
                var order = Enumerable.Range(0, q.Options.Count).ToArray();
                random.Shuffle(order);
                int[]? matches = null;
                if (q.Kind == QuestionKind.Matching)
                {
                    matches = Enumerable.Range(0, q.Accepted.Count).ToArray();
                    random.Shuffle(matches);
                }
                return new DrawnQuestion(q.Id, order, matches);
            })
            .ToList();
    }

    /// <summary>Whether a choice is fully right (credit 1) under the question kind's grader.</summary>
    public static bool IsCorrect(VersionQuestion question, IReadOnlyCollection<int> selected) =>
        QuestionGraders.For(question.Kind).Credit(question, new QuestionResponse([.. selected.Distinct()])) == 1m;

    /// <summary>Grades the answers of an attempt: the score is the sum of the questions' credits over the number drawn.
    /// Unanswered questions earn 0.</summary>
    public static GradeResult Grade(IReadOnlyList<DrawnQuestion> drawn, IReadOnlyDictionary<Guid, VersionQuestion> bank,
        IReadOnlyDictionary<Guid, QuestionResponse> answers, int passingPercent)
    {
        var given = new List<GivenAnswer>(drawn.Count);
        foreach (var d in drawn)
        {
            var q = bank[d.QuestionId];
            var response = answers.GetValueOrDefault(d.QuestionId) ?? QuestionResponse.None;
            var credit = QuestionGraders.For(q.Kind).Credit(q, response);
            given.Add(new GivenAnswer(d.QuestionId, response.Selected, credit == 1m, response.Text, credit));
        }
        var earned = given.Sum(g => g.Earned);
        var score = drawn.Count == 0 ? 0m : Math.Round(100m * earned / drawn.Count, 2);
        return new GradeResult(given, score, score >= passingPercent);
    }

    /// <summary>Answers are refused when they name a question that was not drawn or do not fit its kind.</summary>
    public static string? Validate(IReadOnlyList<DrawnQuestion> drawn, IReadOnlyDictionary<Guid, VersionQuestion> bank,
        IReadOnlyDictionary<Guid, QuestionResponse> answers)
    {
        var byId = drawn.ToDictionary(d => d.QuestionId);
        foreach (var (id, response) in answers)
        {
            if (!byId.ContainsKey(id) || !bank.TryGetValue(id, out var q)) return "Câu trả lời cho câu hỏi không có trong lượt làm bài.";
            if (QuestionGraders.For(q.Kind).Check(q, response) is { } error) return error;
        }
        return null;
    }
}

public sealed record GradeResult(List<GivenAnswer> Answers, decimal ScorePercent, bool Passed);
