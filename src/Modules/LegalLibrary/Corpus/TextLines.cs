using System.Text.RegularExpressions;
using Training.Platform.Text;

namespace Training.LegalLibrary.Corpus;

internal static partial class TextLines
{
    /// <summary>NFC, Markdown emphasis removed, spaces collapsed; keeps the line structure.</summary>
    public static string CleanLine(string line) => VietnameseText.Clean(line.Replace("**", "").Replace("*", "").Replace('\t', ' '));

    /// <summary>Paragraphs joined by single line breaks, blank lines dropped.</summary>
    public static string JoinParagraphs(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select(CleanLine).Where(l => l.Length > 0));

    /// <summary>A document number with stray spaces around slashes removed: "18 /2018/TT-NHNN" → "18/2018/TT-NHNN".</summary>
    public static string NormaliseNumber(string number) => SlashSpaces().Replace(VietnameseText.Clean(number), "/").Trim().TrimEnd('.', ',', ';');

    [GeneratedRegex(@"\s*/\s*")]
    private static partial Regex SlashSpaces();

    /// <summary>A key usable in URLs and HTML ids: <c>Điều 1.11.LQ.1</c> → <c>dieu-1-11-lq-1</c>.</summary>
    public static string Key(string prefix, string number) => $"{prefix}-{VietnameseText.Slug(number)}";
}
