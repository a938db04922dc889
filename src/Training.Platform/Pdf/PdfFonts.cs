using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace Training.Platform.Pdf;

/// <summary>Subset typefaces for PDF documents. Each face is subset once to Latin plus every Vietnamese letter and
/// cached, so documents share it; text outside that set gets its own (cached) subset.</summary>
public sealed class PdfFonts
{
    /// <summary>Printable ASCII, Latin-1 letters, every Vietnamese letter with its tones, and typographic punctuation.</summary>
    public static readonly string BaseCharacters = BuildBase();

    private readonly ConcurrentDictionary<string, SKTypeface> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _files;

    /// <summary>Fonts by style name ("regular", "bold", "italic", "bolditalic") from the first family found.</summary>
    public PdfFonts(IReadOnlyDictionary<string, string> files)
    {
        _files = files.ToDictionary(kv => kv.Key, kv => File.ReadAllBytes(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>Noto Serif (Debian fonts-noto-core) when installed, else DejaVu Serif (fonts-dejavu-core).</summary>
    public static PdfFonts System()
    {
        string[][] families =
        [
            ["/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSerif-Italic.ttf"],
            ["/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"],
        ];
        var family = families.FirstOrDefault(f => f.All(File.Exists))
            ?? throw new InvalidOperationException("No serif font with Vietnamese: install fonts-noto-core or fonts-dejavu-core.");
        return new PdfFonts(new Dictionary<string, string> { ["regular"] = family[0], ["bold"] = family[1], ["italic"] = family[2] });
    }

    /// <summary>A typeface of the style covering <paramref name="text"/> (NFC).</summary>
    public SKTypeface Get(string style, string text)
    {
        var extra = new SortedSet<int>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (BaseCharacters.IndexOf(rune.ToString(), StringComparison.Ordinal) < 0) extra.Add(rune.Value);
        }
        var key = style + "|" + string.Join(',', extra);
        return _cache.GetOrAdd(key, _ =>
        {
            var codepoints = BaseCharacters.EnumerateRunes().Select(r => r.Value).Concat(extra);
            var subset = HarfBuzzSubsetter.Subset(_files[style], codepoints);
            return SKTypeface.FromData(SKData.CreateCopy(subset))
                ?? throw new InvalidOperationException($"Skia cannot read the {style} subset.");
        });
    }

    private static string BuildBase()
    {
        var sb = new StringBuilder();
        for (var c = 0x20; c < 0x7F; c++) sb.Append((char)c);
        for (var c = 0xC0; c <= 0xFF; c++) sb.Append((char)c);
        sb.Append("ĂăĐđĨĩŨũƠơƯư–—‘’“”…•№°");
        for (var c = 0x1EA0; c <= 0x1EF9; c++) sb.Append((char)c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
