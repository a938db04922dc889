using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary>How the bank lists a question's answer, and the kinds offered in the authoring form.</summary>
public static class QuestionSummary
{
    public static readonly (string Value, string Label)[] Kinds =
    [
        ("single", "Một lựa chọn"), ("multiple", "Nhiều lựa chọn"), ("truefalse", "Đúng/Sai"),
        ("multipleresponse", "Nhiều đáp án (tính điểm từng phần)"), ("matching", "Ghép cặp"), ("ordering", "Sắp xếp thứ tự"),
        ("shortanswer", "Trả lời ngắn"), ("numeric", "Câu hỏi số"),
    ];

    public static string Answer(Question q) => q.Kind switch
    {
        QuestionKind.Matching => string.Join("; ", q.Options.Zip(q.Accepted, (o, a) => $"{o} → {a}")),
        QuestionKind.Ordering => string.Join(" → ", Enumerable.Range(1, q.Options.Count)),
        QuestionKind.ShortAnswer => string.Join(" / ", q.Accepted) + (q.FoldDiacritics ? " (không phân biệt dấu)" : ""),
        QuestionKind.Numeric => q.Accepted.FirstOrDefault() + (q.Tolerance is > 0m ? $" ± {q.Tolerance:0.######}" : ""),
        _ => string.Join(", ", q.Correct.Select(i => i + 1)),
    };
}
