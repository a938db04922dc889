namespace Training.Platform.Pdf;

/// <summary>The one place that knows which font files PDFs are set in: Noto Serif (Debian fonts-noto-core) when
/// installed, else DejaVu Serif (fonts-dejavu-core). Both carry every Vietnamese letter (Liberation lacks U+1EA0–1EF9).</summary>
public static class PdfFontSource
{
    public const string Regular = "regular", Bold = "bold", Italic = "italic";

    private static readonly string[][] Families =
    [
        ["/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSerif-Italic.ttf"],
        ["/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"],
    ];

    /// <summary>Font files by style (<see cref="Regular"/>, <see cref="Bold"/>, <see cref="Italic"/>) of the first family installed.</summary>
    public static IReadOnlyDictionary<string, string> SystemFiles()
    {
        foreach (var family in Families)
        {
            if (!File.Exists(family[0]) || !File.Exists(family[1])) continue;
            // DejaVu Serif Italic is missing from some minimal installs: fall back to the regular face.
            var italic = File.Exists(family[2]) ? family[2] : family[0];
            return new Dictionary<string, string> { [Regular] = family[0], [Bold] = family[1], [Italic] = italic };
        }
        throw new InvalidOperationException("No serif font with Vietnamese: install fonts-noto-core or fonts-dejavu-core.");
    }
}
