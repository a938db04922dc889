using SkiaSharp;
using Training.Platform.Pdf;

namespace Training.Certification.Seed;

/// <summary>A demo red seal and a demo handwritten signature, drawn with Skia so the repository carries no image files.
/// The seal reads "MẪU - DEMO": it can never pass for a real one.</summary>
internal static class DemoMarks
{
    public const int SealSize = 360;

    public static byte[] Seal()
    {
        using var surface = SKSurface.Create(new SKImageInfo(SealSize, SealSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        var c = surface.Canvas;
        c.Clear(SKColors.Transparent);
        var red = new SKColor(0xD2, 0x1F, 0x26, 0xE6);
        using var ring = new SKPaint { Color = red, IsStroke = true, StrokeWidth = 10, IsAntialias = true };
        using var thin = new SKPaint { Color = red, IsStroke = true, StrokeWidth = 4, IsAntialias = true };
        using var fill = new SKPaint { Color = red, IsAntialias = true };
        const float centre = SealSize / 2f;
        c.DrawCircle(centre, centre, centre - 8, ring);
        c.DrawCircle(centre, centre, centre - 70, thin);
        using var fonts = PdfFonts.System();
        using var documentFonts = fonts.For(["SỞ GIÁO DỤC VÀ ĐÀO TẠO NINH BÌNH", "MẪU - DEMO", "★"]);
        var bold = documentFonts.Get(PdfFontSource.Bold);
        // The unit's name around the ring, one letter at a time.
        const string around = "SỞ GIÁO DỤC VÀ ĐÀO TẠO • NINH BÌNH •";
        var step = 360f / around.Length;
        for (var i = 0; i < around.Length; i++)
        {
            c.Save();
            c.RotateDegrees(i * step - 90 + step / 2, centre, centre);
            bold.Shape(around[i].ToString(), 26).Draw(c, centre, 50, fill, SKTextAlign.Center);
            c.Restore();
        }
        bold.Shape("MẪU - DEMO", 38).Draw(c, centre, centre + 14, fill, SKTextAlign.Center);
        return Png(surface);
    }

    public static byte[] Signature()
    {
        using var surface = SKSurface.Create(new SKImageInfo(400, 160, SKColorType.Rgba8888, SKAlphaType.Premul));
        var c = surface.Canvas;
        c.Clear(SKColors.Transparent);
        using var ink = new SKPaint { Color = new SKColor(0x1A, 0x2F, 0x8C), IsStroke = true, StrokeWidth = 5, StrokeCap = SKStrokeCap.Round, IsAntialias = true };
        // A flourish of connected strokes: loops and a final underline, like a quick signature.
        var points = new List<SKPoint>();
        for (var t = 0f; t <= 1f; t += 0.01f)
        {
            var x = 30 + 300 * t;
            var y = 90 - 45 * MathF.Sin(t * 14) * (1 - t * 0.6f) - 10 * MathF.Cos(t * 31);
            points.Add(new SKPoint(x, y));
        }
        for (var i = 1; i < points.Count; i++) c.DrawLine(points[i - 1], points[i], ink);
        c.DrawLine(60, 130, 370, 112, ink);
        return Png(surface);
    }

    private static byte[] Png(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
