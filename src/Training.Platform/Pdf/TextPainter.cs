using SkiaSharp;

namespace Training.Platform.Pdf;

/// <summary>Draws lines of text shaped by HarfBuzz onto a Skia canvas: single lines, lines shrunk to fit a width, and
/// word-wrapped blocks. One per document (it holds the document's subset fonts).</summary>
public sealed class TextPainter(DocumentFonts fonts)
{
    public DocumentFonts Fonts { get; } = fonts;

    /// <summary>Advance width of <paramref name="text"/> as it would be drawn.</summary>
    public float Measure(string text, string style, float size) => Fonts.Shape(text, style, size).Width;

    /// <summary>One line with its baseline at <paramref name="y"/>.</summary>
    public void Line(SKCanvas canvas, string text, float x, float y, string style, float size, SKColor color, SKTextAlign align = SKTextAlign.Center)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        Fonts.Shape(text, style, size).Draw(canvas, x, y, paint, align);
    }

    /// <summary>One line, its size reduced in half-point steps until it fits <paramref name="maxWidth"/> (not below 8 pt).</summary>
    public void Fitted(SKCanvas canvas, string text, float x, float y, float maxWidth, string style, float size, SKColor color, SKTextAlign align = SKTextAlign.Center)
    {
        var face = Fonts.Get(style);
        var shaped = face.Shape(text, size);
        while (shaped.Width > maxWidth && size > 8)
        {
            size -= 0.5f;
            shaped = face.Shape(text, size);
        }
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        shaped.Draw(canvas, x, y, paint, align);
    }

    /// <summary>Word-wrapped text of at most <paramref name="maxLines"/> lines (shrinking when needed), each line aligned
    /// on <paramref name="x"/>; returns the baseline below the last line.</summary>
    public float Wrapped(SKCanvas canvas, string text, float x, float y, float maxWidth, string style, float size, SKColor color, int maxLines,
        SKTextAlign align = SKTextAlign.Center, float leading = 1.3f)
    {
        var face = Fonts.Get(style);
        List<string> lines;
        while (true)
        {
            lines = TextWrap.Lines(face, text, size, maxWidth);
            if (lines.Count <= maxLines || size <= 8) break;
            size -= 0.5f;
        }
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var line in lines)
        {
            face.Shape(line, size).Draw(canvas, x, y, paint, align);
            y += size * leading;
        }
        return y;
    }
}
