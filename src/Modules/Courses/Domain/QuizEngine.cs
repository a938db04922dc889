using Training.Courses.Data;

namespace Training.Courses.Domain;

/// <summary>Drawing and grading, free of I/O so the rules are unit-tested directly.</summary>
public static class QuizEngine
{
    /// <summary>Draws <paramref name="count"/> distinct questions at random and shuffles each one's options.</summary>
    public static List<DrawnQuestion> Draw(IReadOnlyList<VersionQuestion> bank, int count, Random random)
    {
        var ids = bank.ToArray();
        random.Shuffle(ids);
        return ids.Take(Math.Clamp(count, 1, ids.Length))
            .Select(q =>
            {
                var order = Enumerable.Range(0, q.Options.Count).ToArray();
                random.Shuffle(order);
                return new DrawnQuestion(q.Id, order);
            })
            .ToList();
    }

    /// <summary>A question is right when exactly the correct options are chosen (all or nothing).</summary>
    public static bool IsCorrect(VersionQuestion question, IReadOnlyCollection<int> selected)
    {
        var chosen = selected.Distinct().ToHashSet();
        if (question.Kind != QuestionKind.Multiple && chosen.Count != 1) return false;
        return chosen.SetEquals(question.Correct);
    }

    /// <summary>Grades the answers of an attempt. Unanswered questions count as wrong.</summary>
    public static GradeResult Grade(IReadOnlyList<DrawnQuestion> drawn, IReadOnlyDictionary<Guid, VersionQuestion> bank,
        IReadOnlyDictionary<Guid, int[]> answers, int passingPercent)
    {
        var given = new List<GivenAnswer>(drawn.Count);
        foreach (var d in drawn)
        {
            var selected = answers.TryGetValue(d.QuestionId, out var s) ? s : [];
            given.Add(new GivenAnswer(d.QuestionId, selected, IsCorrect(bank[d.QuestionId], selected)));
        }
        var right = given.Count(g => g.Correct);
        var score = drawn.Count == 0 ? 0m : Math.Round(100m * right / drawn.Count, 2);
        return new GradeResult(given, score, score >= passingPercent);
    }

    /// <summary>Answers are refused when they name a question that was not drawn or an option it does not have.</summary>
    public static string? Validate(IReadOnlyList<DrawnQuestion> drawn, IReadOnlyDictionary<Guid, int[]> answers)
    {
        var byId = drawn.ToDictionary(d => d.QuestionId);
        foreach (var (id, selected) in answers)
        {
            if (!byId.TryGetValue(id, out var d)) return "Câu trả lời cho câu hỏi không có trong lượt làm bài.";
            if (selected.Any(i => i < 0 || i >= d.OptionOrder.Length)) return "Lựa chọn không hợp lệ.";
        }
        return null;
    }
}

public sealed record GradeResult(List<GivenAnswer> Answers, decimal ScorePercent, bool Passed);
