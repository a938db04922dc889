using Training.Courses.Data;
using Training.Courses.Questions;

namespace Training.Courses.Services;

public static class QuestionValidator
{
    public static readonly string[] TrueFalseOptions = ["Đúng", "Sai"];
    public const int MaxAccepted = 10;

    /// <summary>Null when the question can be graded by its kind's grader, else the refusal (Vietnamese).</summary>
    public static string? Validate(QuestionKind kind, IReadOnlyList<string> options, IReadOnlyList<int> correct,
        IReadOnlyList<string>? accepted = null, decimal? tolerance = null)
    {
        accepted ??= [];
        switch (kind)
        {
            case QuestionKind.ShortAnswer:
                if (accepted.Count == 0 || accepted.Any(string.IsNullOrWhiteSpace)) return "Câu trả lời ngắn cần ít nhất một đáp án chấp nhận, không để trống.";
                return accepted.Count > MaxAccepted ? $"Tối đa {MaxAccepted} đáp án chấp nhận." : null;
            case QuestionKind.Numeric:
                if (accepted.Count != 1 || !NumericGrader.TryParse(accepted[0], out _)) return "Câu hỏi số cần đúng một đáp số, ví dụ 12,5.";
                return tolerance is < 0m ? "Sai số cho phép không được âm." : null;
        }
        if (options.Count < 2) return "Cần ít nhất 2 phương án.";
        if (options.Count > 8) return "Tối đa 8 phương án.";
        if (options.Any(string.IsNullOrWhiteSpace)) return "Phương án không được để trống.";
        switch (kind)
        {
            case QuestionKind.Matching:
                if (accepted.Count != options.Count || accepted.Any(string.IsNullOrWhiteSpace)) return "Mỗi ý cần một vế ghép (viết «ý -> vế ghép»).";
                return accepted.Distinct(StringComparer.Ordinal).Count() != accepted.Count ? "Các vế ghép không được trùng nhau." : null;
            case QuestionKind.Ordering:
                return options.Distinct(StringComparer.Ordinal).Count() != options.Count ? "Các ý cần sắp xếp không được trùng nhau." : null;
        }
        if (correct.Count == 0) return "Chưa chọn đáp án đúng.";
        if (correct.Any(i => i < 0 || i >= options.Count) || correct.Distinct().Count() != correct.Count) return "Đáp án đúng không hợp lệ.";
        return kind switch
        {
            QuestionKind.Single when correct.Count != 1 => "Câu một lựa chọn phải có đúng một đáp án.",
            QuestionKind.TrueFalse when options.Count != 2 || correct.Count != 1 => "Câu Đúng/Sai có hai phương án và một đáp án.",
            _ => null,
        };
    }
}
