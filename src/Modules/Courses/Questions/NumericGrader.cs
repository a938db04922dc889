using System.Globalization;
using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary>Right when |answer − value| ≤ tolerance (bounds included), in decimal arithmetic. The learner may write
/// the decimal separator as a comma (Vietnamese) or a point; thousands separators are not accepted.</summary>
public sealed class NumericGrader : IQuestionGrader
{
    public QuestionKind Kind => QuestionKind.Numeric;

    public string? Check(VersionQuestion question, QuestionResponse response) =>
        (response.Text?.Length ?? 0) > 50 ? "Số nhập vào quá dài." : null;

    public decimal Credit(VersionQuestion question, QuestionResponse response)
    {
        if (question.Accepted.Count == 0 || !TryParse(question.Accepted[0], out var value)) return 0m;
        if (!TryParse(response.Text, out var given)) return 0m;
        return Math.Abs(given - value) <= (question.Tolerance ?? 0m) ? 1m : 0m;
    }

    /// <summary>One optional sign, digits, at most one separator (',' or '.'), digits.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        var t = (text ?? "").Trim().Replace(',', '.');
        if (t.Length == 0 || t.Count(c => c == '.') > 1) return false;
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
