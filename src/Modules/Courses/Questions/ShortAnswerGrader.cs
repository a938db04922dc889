using System.Text;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Platform.Text;

namespace Training.Courses.Questions;

/// <summary>Right when the typed text equals one accepted answer after NFC, trimming and collapsing spaces, and
/// case folding; with <see cref="VersionQuestion.FoldDiacritics"/> also after removing diacritics (đ → d).</summary>
public sealed class ShortAnswerGrader : IQuestionGrader
{
    public QuestionKind Kind => QuestionKind.ShortAnswer;

    public string? Check(VersionQuestion question, QuestionResponse response) =>
        (response.Text?.Length ?? 0) > TextLimits.Line ? $"Câu trả lời dài quá {TextLimits.Line} ký tự." : null;

    public decimal Credit(VersionQuestion question, QuestionResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Text)) return 0m;
        var given = Normalise(response.Text, question.FoldDiacritics);
        return question.Accepted.Any(a => Normalise(a, question.FoldDiacritics) == given) ? 1m : 0m;
    }

    public static string Normalise(string value, bool foldDiacritics)
    {
        var clean = VietnameseText.Clean(value.Normalize(NormalizationForm.FormC));
        return foldDiacritics ? VietnameseText.Fold(clean) : clean.ToLower(System.Globalization.CultureInfo.InvariantCulture);
    }
}
