using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Questions.Formats;

/// <summary>Moodle's Aiken format: a question line, options «A. …» or «A) …», then «ANSWER: B»; blank lines between
/// questions. Only single-choice questions exist in Aiken. Written by hand: no served package reads or writes it.</summary>
public static class AikenFormat
{
    public static List<BankRow> Read(string content)
    {
        var rows = new List<BankRow>();
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = 0;
        string? text = null;
        var options = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0) continue;
            if (text is null)
            {
                if (IsOption(line) || line.StartsWith("ANSWER:", StringComparison.OrdinalIgnoreCase))
                {
                    rows.Add(new BankRow(number, null, "Thiếu nội dung câu hỏi trước phương án hoặc dòng ANSWER."));
                    continue;
                }
                (text, start, options) = (line, number, []);
            }
            else if (IsOption(line))
            {
                if (line[0] != (char)('A' + options.Count))
                {
                    rows.Add(new BankRow(number, null, $"Phương án «{line[0]}» không đúng thứ tự (cần «{(char)('A' + options.Count)}»)."));
                    text = null;
                    continue;
                }
                options.Add(line[2..].Trim());
            }
            else if (line.StartsWith("ANSWER:", StringComparison.OrdinalIgnoreCase))
            {
                var letter = line[7..].Trim().ToUpperInvariant();
                var index = letter.Length == 1 ? letter[0] - 'A' : -1;
                rows.Add(index < 0 || index >= options.Count
                    ? new BankRow(number, null, $"Đáp án «{letter}» không phải một phương án của câu hỏi.")
                    : new BankRow(start, new QuestionRow("single", text, options, [index + 1], null, null)));
                text = null;
            }
            else
            {
                rows.Add(new BankRow(number, null, "Dòng không phải phương án («A. …») cũng không phải «ANSWER: …»."));
                text = null;
            }
        }
        if (text is not null) rows.Add(new BankRow(start, null, "Câu hỏi thiếu dòng «ANSWER: …»."));
        return rows;
    }

    private static bool IsOption(string line) =>
        line.Length >= 3 && line[0] is >= 'A' and <= 'Z' && line[1] is '.' or ')' && line[2] == ' ';

    /// <summary>Single-choice and true/false questions; other kinds cannot be written in Aiken and are counted as skipped.</summary>
    public static (string Text, int Skipped) Write(IEnumerable<Question> questions)
    {
        var sb = new System.Text.StringBuilder();
        var skipped = 0;
        foreach (var q in questions)
        {
            if (q.Kind is not (QuestionKind.Single or QuestionKind.TrueFalse) || q.Options.Count > 26)
            {
                skipped++;
                continue;
            }
            sb.Append(OneLine(q.Text)).Append('\n');
            for (var i = 0; i < q.Options.Count; i++) sb.Append((char)('A' + i)).Append(". ").Append(OneLine(q.Options[i])).Append('\n');
            sb.Append("ANSWER: ").Append((char)('A' + q.Correct[0])).Append("\n\n");
        }
        return (sb.ToString(), skipped);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
