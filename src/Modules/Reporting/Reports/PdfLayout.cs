using SkiaSharp;

namespace Training.Reporting.Reports;

/// <summary>A minimal flowing layout over SkiaSharp's PDF backend: wrapped paragraphs and tables on A4 pages,
/// with page breaks. Fonts are system fonts with the Vietnamese glyphs (Noto Serif, else DejaVu Serif; Debian's Liberation lacks U+1EA0–1EF9).</summary>
internal sealed class PdfLayout : IDisposable
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f;
    public const float MarginLeft = 70, MarginRight = 45, MarginTop = 50, MarginBottom = 50;
    public const float ContentWidth = PageWidth - MarginLeft - MarginRight;

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu"];
    private readonly SKDocument _document;
    private readonly SKTypeface _regular, _bold, _italic;
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _line = new() { Color = SKColors.Black, StrokeWidth = 0.6f, IsStroke = true, IsAntialias = true };
    private readonly SKPaint _shade = new() { Color = new SKColor(0xEE, 0xF1, 0xF5), IsAntialias = true };
    private SKCanvas? _canvas;
    private int _page;

    public PdfLayout(Stream output, string title)
    {
        _document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = title, Creator = "Training", Producer = "Training" });
        _regular = Load("NotoSerif-Regular.ttf", "DejaVuSerif.ttf");
        _bold = Load("NotoSerif-Bold.ttf", "DejaVuSerif-Bold.ttf");
        _italic = Load("NotoSerif-Italic.ttf", "DejaVuSerif-Italic.ttf");
        NewPage();
    }

    public float Y { get; set; }

    public enum Style { Regular, Bold, Italic }

    private static SKTypeface Load(params string[] names)
    {
        foreach (var name in names)
            foreach (var folder in Folders)
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path)) return SKTypeface.FromFile(path);
            }
        return SKTypeface.Default;
    }

    private SKFont Font(Style style, float size) => new(style switch { Style.Bold => _bold, Style.Italic => _italic, _ => _regular }, size);

    private SKCanvas Canvas => _canvas!;

    private void NewPage()
    {
        if (_canvas is not null) _document.EndPage();
        _canvas = _document.BeginPage(PageWidth, PageHeight);
        _page++;
        Y = MarginTop;
        using var font = Font(Style.Regular, 9);
        Canvas.DrawText(_page.ToString(System.Globalization.CultureInfo.InvariantCulture), PageWidth / 2, PageHeight - 25, SKTextAlign.Center, font, _ink);
    }

    public void EnsureSpace(float height)
    {
        if (Y + height > PageHeight - MarginBottom) NewPage();
    }

    /// <summary>Splits text into lines no wider than <paramref name="width"/>.</summary>
    public List<string> Wrap(string text, Style style, float size, float width)
    {
        using var font = Font(style, size);
        var lines = new List<string>();
        foreach (var paragraph in text.Normalize().Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width || line.Length == 0) { line = candidate; continue; }
                lines.Add(line);
                line = word;
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Draws a wrapped paragraph in a column (x, width) with the given alignment; returns its height.</summary>
    public float Paragraph(string text, Style style = Style.Regular, float size = 12, SKTextAlign align = SKTextAlign.Left,
        float x = MarginLeft, float width = ContentWidth, float spacingAfter = 4, bool advance = true)
    {
        var lineHeight = size * 1.3f;
        var lines = Wrap(text, style, size, width);
        using var font = Font(style, size);
        var y = Y;
        foreach (var line in lines)
        {
            if (advance && y + lineHeight > PageHeight - MarginBottom) { NewPage(); y = Y; }
            var tx = align switch { SKTextAlign.Center => x + width / 2, SKTextAlign.Right => x + width, _ => x };
            Canvas.DrawText(line, tx, y + size, align, font, _ink);
            y += lineHeight;
        }
        var height = y - Y + spacingAfter;
        if (advance) Y = y + spacingAfter;
        return height;
    }

    public void Rule(float x1, float x2, float y) => Canvas.DrawLine(x1, y, x2, y, _line);

    /// <summary>A table with a shaded header row, wrapped cells and the header repeated after a page break.</summary>
    public void Table(IReadOnlyList<(string Header, float Width, SKTextAlign Align)> columns, IEnumerable<string[]> rows, float size = 10)
    {
        var scale = ContentWidth / columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width * scale).ToArray();
        void Row(string[] cells, Style style, bool shade)
        {
            const float pad = 3;
            var wrapped = cells.Select((c, i) => Wrap(c, style, size, widths[i] - 2 * pad)).ToList();
            var height = wrapped.Max(w => w.Count) * size * 1.25f + 2 * pad;
            EnsureSpace(height);
            var x = MarginLeft;
            using var font = Font(style, size);
            for (var i = 0; i < cells.Length; i++)
            {
                var rect = new SKRect(x, Y, x + widths[i], Y + height);
                if (shade) Canvas.DrawRect(rect, _shade);
                Canvas.DrawRect(rect, _line);
                var ly = Y + pad;
                foreach (var line in wrapped[i])
                {
                    var tx = columns[i].Align switch { SKTextAlign.Right => x + widths[i] - pad, SKTextAlign.Center => x + widths[i] / 2, _ => x + pad };
                    Canvas.DrawText(line, tx, ly + size, columns[i].Align, font, _ink);
                    ly += size * 1.25f;
                }
                x += widths[i];
            }
            Y += height;
        }
        var header = columns.Select(c => c.Header).ToArray();
        Row(header, Style.Bold, true);
        foreach (var row in rows)
        {
            if (Y + size * 3 > PageHeight - MarginBottom) { NewPage(); Row(header, Style.Bold, true); }
            Row(row, Style.Regular, false);
        }
        Y += 8;
    }

    public void Dispose()
    {
        if (_canvas is not null) _document.EndPage();
        _document.Close();
        _document.Dispose();
        _ink.Dispose(); _line.Dispose(); _shade.Dispose();
    }
}
