using SkiaSharp;
using Training.Platform.Pdf;

namespace Training.Certification.Pdf;

/// <summary>A PNG of a certificate page, drawn by the same page classes as the PDF onto a raster canvas (Skia cannot
/// rasterise a PDF, but it can draw the same layout to a bitmap). Used for the template preview on the programme page.</summary>
public sealed class CertificatePreview(PdfFonts fonts, PdfImages images)
{
    /// <summary>Page 1 (front) or 2 (courses) at <paramref name="scale"/> pixels per point.</summary>
    public byte[] Png(CertificateDocument d, int page, float scale = 1.25f)
    {
        var layout = CertificatePage.For(d.Look.Orientation);
        var info = new SKImageInfo((int)(layout.Width * scale), (int)(layout.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        using var documentFonts = fonts.For(CertificateFrontPage.Texts(d).Concat(CertificateCoursesPage.Texts(d)));
        var painter = new TextPainter(documentFonts);
        if (page == 2 && d.Look.CoursesPage) new CertificateCoursesPage(painter, layout).Draw(canvas, d);
        else new CertificateFrontPage(painter, images, layout).Draw(canvas, d);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}
