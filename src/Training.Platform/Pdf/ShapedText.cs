using SkiaSharp;

namespace Training.Platform.Pdf;

/// <summary>A line shaped by HarfBuzz: glyph ids and positions relative to the pen's start, the UTF-8 text and the
/// cluster of each glyph (so the PDF's text layer maps glyphs back to the characters), and the advance width.</summary>
public sealed class ShapedText(PdfFace face, float size, ushort[] glyphs, SKPoint[] positions, uint[] clusters, byte[] utf8, float width)
{
    public float Width { get; } = width;
    public float Size { get; } = size;

    /// <summary>Draws the line with its baseline at <paramref name="y"/>; <paramref name="x"/> is the left edge, the
    /// centre or the right edge depending on <paramref name="align"/>. Every glyph sits where HarfBuzz put it.</summary>
    public void Draw(SKCanvas canvas, float x, float y, SKPaint paint, SKTextAlign align = SKTextAlign.Left)
    {
        if (glyphs.Length == 0) return;
        var left = align switch { SKTextAlign.Center => x - Width / 2, SKTextAlign.Right => x - Width, _ => x };
        using var font = new SKFont(face.Typeface, Size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, glyphs.Length, utf8.Length, null);
        glyphs.CopyTo(run.Glyphs);
        var points = run.Positions;
        for (var i = 0; i < positions.Length; i++) points[i] = new SKPoint(left + positions[i].X, y + positions[i].Y);
        utf8.CopyTo(run.Text);
        clusters.CopyTo(run.Clusters);
        using var blob = builder.Build();
        if (blob is not null) canvas.DrawText(blob, 0, 0, paint);
    }
}
