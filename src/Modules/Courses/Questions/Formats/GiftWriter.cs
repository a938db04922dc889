using System.Globalization;
using System.Text;
using Training.Courses.Data;

namespace Training.Courses.Questions.Formats;

/// <summary>Writes a bank as GIFT. Ordering has no GIFT form: such questions are skipped and counted.</summary>
public static class GiftWriter
{
    public static (string Text, int Skipped) Write(IEnumerable<Question> questions)
    {
        var sb = new StringBuilder();
        var skipped = 0;
        foreach (var q in questions)
        {
            var body = Body(q);
            if (body is null)
            {
                skipped++;
                continue;
            }
            if (!string.IsNullOrEmpty(q.Citation)) sb.Append("// Căn cứ: ").Append(q.Citation.Replace('\n', ' ')).Append('\n');
            sb.Append(GiftFormat.Escape(q.Text)).Append(" {").Append(body);
            if (!string.IsNullOrEmpty(q.Explanation)) sb.Append(" ####").Append(GiftFormat.Escape(q.Explanation));
            sb.Append("}\n\n");
        }
        return (sb.ToString(), skipped);
    }

    private static string? Body(Question q)
    {
        string E(string s) => GiftFormat.Escape(s);
        switch (q.Kind)
        {
            case QuestionKind.TrueFalse: return q.Correct.FirstOrDefault() == 0 ? "T" : "F";
            case QuestionKind.Single:
                return string.Concat(q.Options.Select((o, i) => (q.Correct.Contains(i) ? " =" : " ~") + E(o)));
            case QuestionKind.Multiple or QuestionKind.MultipleResponse:
                // Weights as Moodle expects: the right ones share 100 %, the wrong ones share −100 %.
                var right = Weight(100m / q.Correct.Count);
                var wrongCount = q.Options.Count - q.Correct.Count;
                var wrong = wrongCount == 0 ? "0" : Weight(-100m / wrongCount);
                return string.Concat(q.Options.Select((o, i) => $" ~%{(q.Correct.Contains(i) ? right : wrong)}%{E(o)}"));
            case QuestionKind.Matching: return string.Concat(q.Options.Zip(q.Accepted, (o, a) => $" ={E(o)} -> {E(a)}"));
            case QuestionKind.ShortAnswer: return string.Concat(q.Accepted.Select(a => " =" + E(a)));
            case QuestionKind.Numeric:
                return "#" + q.Accepted.FirstOrDefault() + (q.Tolerance is > 0m ? ":" + q.Tolerance.Value.ToString(CultureInfo.InvariantCulture) : "");
            default: return null;
        }
    }

    private static string Weight(decimal w) => Math.Round(w, 5).ToString("0.#####", CultureInfo.InvariantCulture);
}
