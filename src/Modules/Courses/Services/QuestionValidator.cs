using Training.Courses.Data;

namespace Training.Courses.Services;

public static class QuestionValidator
{
    public static readonly string[] TrueFalseOptions = ["Đúng", "Sai"];

    public static string? Validate(QuestionKind kind, IReadOnlyList<string> options, IReadOnlyList<int> correct)
    {
        if (options.Count < 2) return "Cần ít nhất 2 phương án.";
        if (options.Count > 8) return "Tối đa 8 phương án.";
        if (options.Any(string.IsNullOrWhiteSpace)) return "Phương án không được để trống.";
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
