using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Training.Testing;

/// <summary>The words of a PDF page as PdfPig's word extraction finds them, grouped into lines by baseline.</summary>
public static class PdfWords
{
    /// <summary>Lines of page <paramref name="page"/>, top to bottom; words left to right, text NFC.</summary>
    public static List<List<Word>> Lines(byte[] pdf, int page = 1)
    {
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPage(page).GetWords().ToList();
        return words.GroupBy(w => Math.Round(w.BoundingBox.Bottom / 3))
            .OrderByDescending(g => g.Key)
            .Select(g => g.OrderBy(w => w.BoundingBox.Left).ToList())
            .ToList();
    }

    /// <summary>The words of the line that contains <paramref name="first"/> as a word, in order (the whole line, so a word
    /// split in two or two words run together show up).</summary>
    public static List<Word> LineStartingWith(byte[] pdf, string first, int page = 1) =>
        Lines(pdf, page).Select(l => l.SkipWhile(w => Text(w) != first).ToList()).FirstOrDefault(l => l.Count > 0)
        ?? throw new Xunit.Sdk.XunitException($"No line with the word \"{first}\"; lines: " + string.Join(" | ", Lines(pdf, page).Select(l => string.Join(" ", l.Select(Text)))));

    public static string Text(Word w) => w.Text.Normalize(NormalizationForm.FormC);

    /// <summary>Pairs of neighbouring words in <paramref name="line"/> whose boxes overlap horizontally.</summary>
    public static IEnumerable<(string Left, string Right)> Overlaps(IReadOnlyList<Word> line) =>
        line.Zip(line.Skip(1)).Where(p => p.First.BoundingBox.Right > p.Second.BoundingBox.Left + 0.01).Select(p => (Text(p.First), Text(p.Second)));
}
