using System.Collections.Concurrent;
using System.Text;

namespace Training.Platform.Pdf;

/// <summary>Subset fonts for PDF documents. Skia embeds (and deflates) every font it is given in full, so each
/// document gets fonts cut by HarfBuzz to the characters it prints: a few kilobytes per style. Thread-safe.</summary>
public sealed class PdfFonts : IDisposable
{
    private readonly Dictionary<string, HarfBuzzSubsetter> _faces;
    private readonly ConcurrentDictionary<string, Lazy<PdfFace>> _fixed = new(StringComparer.Ordinal);

    /// <summary>Font files by style name (<see cref="PdfFontSource.Regular"/>, <see cref="PdfFontSource.Bold"/>, <see cref="PdfFontSource.Italic"/>).</summary>
    public PdfFonts(IReadOnlyDictionary<string, string> files)
    {
        _faces = files.ToDictionary(kv => kv.Key, kv => new HarfBuzzSubsetter(File.ReadAllBytes(kv.Value)), StringComparer.Ordinal);
    }

    /// <summary>The system fonts of <see cref="PdfFontSource"/>.</summary>
    public static PdfFonts System() => new(PdfFontSource.SystemFiles());

    /// <summary>Printable ASCII, Latin-1 letters, every Vietnamese letter with its tones, and typographic punctuation.</summary>
    public static readonly string BaseCharacters = BuildBase();

    private static readonly HashSet<int> BaseSet = BaseCharacters.EnumerateRunes().Select(r => r.Value).ToHashSet();

    /// <summary>When true (default), documents whose text fits <see cref="BaseCharacters"/> share cached faces subset to
    /// that set (faster: Skia and HarfBuzz parse each face once); otherwise every document gets its own exact subset.</summary>
    public bool ShareBaseSubset { get; init; } = true;

    /// <summary>Faces covering the characters of <paramref name="texts"/>, for one document.</summary>
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

    internal PdfFace Create(string style, IEnumerable<int> codepoints) => new(_faces[style].Subset(codepoints));

    /// <summary>A long-lived face for a fixed character set (cached).</summary>
    public PdfFace Fixed(string style, string characters) =>
        _fixed.GetOrAdd(style + "|" + characters, _ => new Lazy<PdfFace>(() => Create(style, characters.EnumerateRunes().Select(r => r.Value).Distinct()))).Value;

    public void Dispose()
    {
        foreach (var face in _faces.Values) face.Dispose();
        foreach (var face in _fixed.Values.Where(f => f.IsValueCreated)) face.Value.Dispose();
    }
}

/// <summary>The subset faces of one document, created on first use of each style.</summary>
public sealed class DocumentFonts(PdfFonts fonts, IReadOnlyCollection<int> codepoints, bool shared) : IDisposable
{
    private readonly Dictionary<string, PdfFace> _faces = new(StringComparer.Ordinal);

    public PdfFace Get(string style)
    {
        if (shared) return fonts.Fixed(style, PdfFonts.BaseCharacters);
        if (!_faces.TryGetValue(style, out var face))
        {
            face = fonts.Create(style, codepoints);
            _faces[style] = face;
        }
        return face;
    }

    /// <summary>Shapes <paramref name="text"/> in <paramref name="style"/> at <paramref name="size"/> points.</summary>
    public ShapedText Shape(string text, string style, float size) => Get(style).Shape(text, size);

    public void Dispose()
    {
        foreach (var face in _faces.Values) face.Dispose();
    }
}
