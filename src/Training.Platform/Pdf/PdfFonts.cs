using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace Training.Platform.Pdf;

/// <summary>Subset typefaces for PDF documents. Skia embeds (and deflates) every font it is given in full, so each
/// document gets fonts cut by HarfBuzz to exactly the characters it prints: a few kilobytes per style.</summary>
public sealed class PdfFonts : IDisposable
{
    private readonly Dictionary<string, HarfBuzzSubsetter> _faces;
    private readonly ConcurrentDictionary<string, SKTypeface> _fixed = new(StringComparer.Ordinal);

    /// <summary>Font files by style name ("regular", "bold", "italic").</summary>
    public PdfFonts(IReadOnlyDictionary<string, string> files)
    {
        _faces = files.ToDictionary(kv => kv.Key, kv => new HarfBuzzSubsetter(File.ReadAllBytes(kv.Value)), StringComparer.Ordinal);
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

    /// <summary>Printable ASCII, Latin-1 letters, every Vietnamese letter with its tones, and typographic punctuation.</summary>
    public static readonly string BaseCharacters = BuildBase();

    private static readonly HashSet<int> BaseSet = BaseCharacters.EnumerateRunes().Select(r => r.Value).ToHashSet();

    /// <summary>When true (default), documents whose text fits <see cref="BaseCharacters"/> share cached typefaces subset to
    /// that set (faster: Skia processes each typeface once); otherwise every document gets its own exact subset.</summary>
    public bool ShareBaseSubset { get; init; } = true;

    /// <summary>Typefaces covering the characters of <paramref name="texts"/>, for one document.</summary>
    public DocumentFonts For(IEnumerable<string> texts)
    {
        var codepoints = new SortedSet<int>();
        foreach (var text in texts)
        {
            foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
            {
                if (rune.Value >= 0x20) codepoints.Add(rune.Value);
            }
        }
        var shared = ShareBaseSubset && codepoints.All(BaseSet.Contains);
        return new DocumentFonts(this, codepoints, shared);
    }

    private static string BuildBase()
    {
        var sb = new StringBuilder();
        for (var c = 0x20; c < 0x7F; c++) sb.Append((char)c);
        for (var c = 0xC0; c <= 0xFF; c++) sb.Append((char)c);
        sb.Append("ĂăĐđĨĩŨũƠơƯư–—‘’“”…•№°");
        for (var c = 0x1EA0; c <= 0x1EF9; c++) sb.Append((char)c);
        return sb.ToString();
    }

    internal SKTypeface Create(string style, IEnumerable<int> codepoints)
    {
        var subset = _faces[style].Subset(codepoints);
        return SKTypeface.FromData(SKData.CreateCopy(subset)) ?? throw new InvalidOperationException($"Skia cannot read the {style} subset.");
    }

    /// <summary>A long-lived typeface for a fixed character set (cached).</summary>
    public SKTypeface Fixed(string style, string characters) =>
        _fixed.GetOrAdd(style + "|" + characters, _ => Create(style, characters.EnumerateRunes().Select(r => r.Value).Distinct()));

    public void Dispose()
    {
        foreach (var face in _faces.Values) face.Dispose();
        foreach (var typeface in _fixed.Values) typeface.Dispose();
    }
}

/// <summary>The subset typefaces of one document, created on first use of each style.</summary>
public sealed class DocumentFonts(PdfFonts fonts, IReadOnlyCollection<int> codepoints, bool shared) : IDisposable
{
    private readonly Dictionary<string, SKTypeface> _typefaces = new(StringComparer.Ordinal);

    public SKTypeface Get(string style)
    {
        if (shared) return fonts.Fixed(style, PdfFonts.BaseCharacters);
        if (!_typefaces.TryGetValue(style, out var typeface))
        {
            typeface = fonts.Create(style, codepoints);
            _typefaces[style] = typeface;
        }
        return typeface;
    }

    public void Dispose()
    {
        foreach (var typeface in _typefaces.Values) typeface.Dispose();
    }
}
