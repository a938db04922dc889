using SkiaSharp;
using Training.Platform.Pdf;

namespace Training.Reporting.Reports;

/// <summary>A minimal flowing layout over SkiaSharp's PDF backend: wrapped paragraphs and tables on A4 pages, with page
/// breaks. Every line is shaped by HarfBuzz on the document's subset fonts (<see cref="PdfFonts"/>). Without an output
/// stream it lays out without drawing and only records the texts, so a first pass can learn which characters to subset.</summary>
internal sealed class PdfLayout : IDisposable
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f;
    public const float MarginLeft = 70, MarginRight = 45, MarginTop = 50, MarginBottom = 50;
    public const float ContentWidth = PageWidth - MarginLeft - MarginRight;

    private readonly SKDocument? _document;
    private readonly DocumentFonts _fonts;
    private readonly ICollection<string>? _texts;
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _line = new() { Color = SKColors.Black, StrokeWidth = 0.6f, IsStroke = true, IsAntialias = true };
    private readonly SKPaint _shade = new() { Color = new SKColor(0xEE, 0xF1, 0xF5), IsAntialias = true };
    private SKCanvas? _canvas;
    private int _page;

    /// <param name="output">Where the PDF goes; null to lay out without drawing.</param>
    /// <param name="texts">Receives every text laid out (for the font subset of the drawing pass).</param>
    public PdfLayout(Stream? output, string title, DocumentFonts fonts, ICollection<string>? texts = null)
    {
        _fonts = fonts;
        _texts = texts;
        if (output is not null)
            _document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
            {
                Title = title, Creator = "Training", Producer = "Training", EncodingQuality = 101, RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            });
        NewPage();
    }

    public float Y { get; set; }

    public enum Style { Regular, Bold, Italic }

    private PdfFace Face(Style style) => _fonts.Get(style switch
    {
        Style.Bold => PdfFontSource.Bold,
        Style.Italic => PdfFontSource.Italic,
        _ => PdfFontSource.Regular,
    });

    private void NewPage()
    {
        if (_canvas is not null) _document!.EndPage();
        _canvas = _document?.BeginPage(PageWidth, PageHeight);
        _page++;
        Y = MarginTop;
        DrawLine(_page.ToString(System.Globalization.CultureInfo.InvariantCulture), Style.Regular, 9, PageWidth / 2, PageHeight - 25, SKTextAlign.Center);
    }

    private void DrawLine(string text, Style style, float size, float x, float baseline, SKTextAlign align)
    {
        _texts?.Add(text);
        if (_canvas is null) return;
        Face(style).Shape(text, size).Draw(_canvas, x, baseline, _ink, align);
    }

    public void EnsureSpace(float height)
    {
        if (Y + height > PageHeight - MarginBottom) NewPage();
    }

    /// <summary>Splits text into lines no wider than <paramref name="width"/>.</summary>
    public List<string> Wrap(string text, Style style, float size, float width) => TextWrap.Lines(Face(style), text.Normalize(), size, width);

    /// <summary>Draws a wrapped paragraph in a column (x, width) with the given alignment; returns its height.</summary>
    public float Paragraph(string text, Style style = Style.Regular, float size = 12, SKTextAlign align = SKTextAlign.Left,
        float x = MarginLeft, float width = ContentWidth, float spacingAfter = 4, bool advance = true)
    {
        var lineHeight = size * 1.3f;
        var lines = Wrap(text, style, size, width);
        var y = Y;
        foreach (var line in lines)
        {
            if (advance && y + lineHeight > PageHeight - MarginBottom) { NewPage(); y = Y; }
            var tx = align switch { SKTextAlign.Center => x + width / 2, SKTextAlign.Right => x + width, _ => x };
            DrawLine(line, style, size, tx, y + size, align);
            y += lineHeight;
        }
        var height = y - Y + spacingAfter;
        if (advance) Y = y + spacingAfter;
        return height;
    }

    public void Rule(float x1, float x2, float y) => _canvas?.DrawLine(x1, y, x2, y, _line);

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
            for (var i = 0; i < cells.Length; i++)
            {
                var rect = new SKRect(x, Y, x + widths[i], Y + height);
                if (shade) _canvas?.DrawRect(rect, _shade);
                _canvas?.DrawRect(rect, _line);
                var ly = Y + pad;
                foreach (var line in wrapped[i])
                {
                    var tx = columns[i].Align switch { SKTextAlign.Right => x + widths[i] - pad, SKTextAlign.Center => x + widths[i] / 2, _ => x + pad };
                    DrawLine(line, style, size, tx, ly + size, columns[i].Align);
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
        if (_document is not null)
        {
            if (_canvas is not null) _document.EndPage();
            _document.Close();
            _document.Dispose();
        }
        _ink.Dispose(); _line.Dispose(); _shade.Dispose();
    }
}
