using SkiaSharp;
using Training.Certification.Marks;
using Training.Certification.Pdf;
using Training.Certification.Seed;
using UglyToad.PdfPig;

namespace Training.Certification.Tests.Pdf;

public sealed class TemplateRenderingTests
{
    [Theory]
    [InlineData(PageOrientation.Portrait, BorderStyle.Ornate)]
    [InlineData(PageOrientation.Landscape, BorderStyle.Single)]
    public void FullTemplateWithLogoSealSignatureAndCoursesPageStaysUnder100KilobytesAndReadsRight(PageOrientation orientation, BorderStyle border)
    {
        using var logo = new SKBitmap(200, 200);
        logo.Erase(new SKColor(0x0B, 0x6E, 0x4F));
        using var logoPng = logo.Encode(SKEncodedImageFormat.Png, 100);
        var document = CertificatePdfTests.Sample("Phạm Thị Thùy Dương") with
        {
            Look = new CertificateLook(orientation, "CHỨNG NHẬN HOÀN THÀNH", border, "#0B6E4F", "#2A3D66", logoPng.ToArray(), true),
            SealPng = InkImage.Normalize(DemoMarks.Seal(), InkRules.Seal).Png,
            SignaturePng = InkImage.Normalize(DemoMarks.Signature(), InkRules.Signature).Png,
            Courses =
            [
                new CourseLine("KPL-01", "Kiến thức pháp luật về phòng, chống vi phạm pháp luật trên không gian mạng", 8m, new DateOnly(2026, 11, 2), 92.5m),
                new CourseLine("KN-02", "Kỹ năng phát hiện, xử lý thông tin vi phạm", 4.5m, new DateOnly(2026, 11, 15), 88m),
            ],
        };

        var pdf = CertificatePdfTests.Renderer.Render(document);
        var output = Environment.GetEnvironmentVariable("CERT_PDF_OUT_DIR");
        if (!string.IsNullOrEmpty(output)) File.WriteAllBytes(Path.Combine(output, $"template-{orientation}.pdf"), pdf);

        Assert.True(pdf.Length <= 90 * 1024, $"{pdf.Length} bytes before the signature");
        using var read = PdfDocument.Open(pdf);
        Assert.Equal(2, read.NumberOfPages);
        Assert.Equal(orientation == PageOrientation.Portrait, read.GetPage(1).Height > read.GetPage(1).Width);
        var holder = PdfWords.LineStartingWith(pdf, "Phạm");
        Assert.Equal(["Phạm", "Thị", "Thùy", "Dương"], holder.Take(4).Select(PdfWords.Text));
        var total = PdfWords.LineStartingWith(pdf, "Tổng", page: 2);
        Assert.Equal(["Tổng", "số", "giờ:", "12,5"], total.Select(PdfWords.Text));
        Assert.Contains("Kiến thức pháp luật", string.Join(" ", read.GetPage(2).GetWords().Select(PdfWords.Text)));
        // Logo, signature and seal: the two ink images are soft masks inside form XObjects, so count image objects.
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(raw, @"/Subtype\s*/Image"));
    }
}
