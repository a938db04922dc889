using SkiaSharp;
using Training.Platform.Pdf;

namespace Training.Certification.Pdf;

/// <summary>Draws a certificate as an A4 PDF with SkiaSharp (front page, and the courses page when the template asks for
/// it). Every line is shaped by HarfBuzz on a subset font; the QR code is vector rectangles, so a certificate stays far
/// below 100 KB. Thread-safe. The result is unsigned: <see cref="CertificatePdfService"/> signs it.</summary>
public sealed class CertificatePdfRenderer(PdfFonts fonts, PdfImages images)
{
    public byte[] Render(CertificateDocument d)
    {
        using var stream = new MemoryStream(48 * 1024);
        var created = new DateTime(d.IssuedOn.Year, d.IssuedOn.Month, d.IssuedOn.Day, 0, 0, 0, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{d.Look.Title} {d.SerialNumber}",
            Author = d.IssuingUnitName,
            Subject = d.ProgrammeName,
            Creator = "Training",
            Producer = "Training",
            Creation = created,
            Modified = created,
            // Lossless images (101): a struct initialiser leaves 0, which Skia reads as "JPEG at quality 0".
            EncodingQuality = 101,
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
        };
        using var documentFonts = fonts.For(Texts(d));
        var painter = new TextPainter(documentFonts);
        var page = CertificatePage.For(d.Look.Orientation);
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(page.Width, page.Height);
            new CertificateFrontPage(painter, images, page).Draw(canvas, d);
            document.EndPage();
            if (d.Look.CoursesPage)
            {
                canvas = document.BeginPage(page.Width, page.Height);
                new CertificateCoursesPage(painter, page).Draw(canvas, d);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>Every string the pages print (upper-cased where drawn so), for the font subset.</summary>
    private static IEnumerable<string> Texts(CertificateDocument d) =>
        CertificateFrontPage.Texts(d).Concat(d.Look.CoursesPage ? CertificateCoursesPage.Texts(d) : []);
}
