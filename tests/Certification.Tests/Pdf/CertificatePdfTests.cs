using System.Text;
using Training.Certification.Pdf;
using Training.Platform.Pdf;
using UglyToad.PdfPig;

namespace Training.Certification.Tests.Pdf;

public sealed class CertificatePdfTests
{
    internal static readonly CertificatePdfRenderer Renderer = new(PdfFonts.System(), new PdfImages());

    public static CertificateDocument Sample(string holder = "Nguyễn Thị Ánh Tuyết") => new(
        "UBND tỉnh Ninh Bình", "Sở Giáo dục và Đào tạo Ninh Bình", holder, "Trường THPT chuyên Lương Văn Tụy",
        "Đã hoàn thành chương trình bồi dưỡng",
        "Bồi dưỡng kiến thức pháp luật về phòng, chống vi phạm pháp luật trên không gian mạng",
        "Kết quả: Đạt (điểm trung bình 92,5/100)", "Giấy chứng nhận có giá trị đến hết ngày 19/11/2028",
        "Ninh Bình, ngày 20 tháng 11 năm 2026", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Nguyễn Thị Thanh Hương",
        "SGDĐT-NB/2026/000123", "7KQ4-M2XD-9TBF-H3WN", "https://daotao.ninhbinh.gov.vn/verify/7KQ4-M2XD-9TBF-H3WN",
        new DateOnly(2026, 11, 20));

    [Fact]
    public void CertificateIsOneA4LandscapePageUnder100KilobytesWithExtractableVietnameseText()
    {
        var pdf = Renderer.Render(Sample());
        var output = Environment.GetEnvironmentVariable("CERT_PDF_OUT");
        if (!string.IsNullOrEmpty(output)) File.WriteAllBytes(output, pdf);

        Assert.True(pdf.Length <= 100 * 1024, $"{pdf.Length} bytes");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.True(page.Width > page.Height);
        Assert.Equal(842, page.Width, 0);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC);
        Assert.Contains("Nguyễn Thị Ánh Tuyết", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("GIẤY CHỨNG NHẬN", text);
        Assert.Contains("Ninh Bình, ngày 20 tháng 11 năm 2026", text);
        Assert.Contains("SGDĐT-NB/2026/000123", text);
        Assert.Contains("7KQ4-M2XD-9TBF-H3WN", text);
    }

    [Fact]
    public void NameOutsideTheBaseCharacterSetStillEmbedsAndExtracts()
    {
        var pdf = Renderer.Render(Sample("Lò Thị Ǹgọc Ñiê"));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC);
        Assert.Contains("Lò Thị Ǹgọc Ñiê", text);
    }
}
