using Training.Certification.Pdf;

namespace Training.Certification.Tests.Pdf;

/// <summary>Issue 12 item 1: every run is positioned from HarfBuzz's shaping, so a reader finds exactly the printed words
/// (no "CHỦNGHĨA", no "Độ c", no split "Nguyễn") and no word's box runs into the next.</summary>
public sealed class TypesettingTests
{
    private static readonly CertificatePdfRenderer Renderer = CertificatePdfTests.Renderer;

    public static TheoryData<PageOrientation, string> Cases => new()
    {
        { PageOrientation.Landscape, "Nguyễn Thị Ánh Tuyết" },
        { PageOrientation.Portrait, "Nguyễn Thị Ánh Tuyết" },
        { PageOrientation.Landscape, "Đặng Thị Hồng Nhung" },
        { PageOrientation.Landscape, "Lò Thị Ǹgọc Ñiê" }, // outside the shared character set: an exact subset
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WordsOfTheHeaderMottoNameAndDateLineAreExactlyThePrintedWordsWithoutOverlap(PageOrientation orientation, string holder)
    {
        var document = CertificatePdfTests.Sample(holder) with { Look = CertificateLook.Default with { Orientation = orientation } };
        var pdf = Renderer.Render(document);

        AssertLine(pdf, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        AssertLine(pdf, "Độc lập - Tự do - Hạnh phúc");
        AssertLine(pdf, holder);
        AssertLine(pdf, "Ninh Bình, ngày 20 tháng 11 năm 2026");
        AssertLine(pdf, "GIÁM ĐỐC", startsAt: "GIÁM");
    }

    private static void AssertLine(byte[] pdf, string expected, string? startsAt = null)
    {
        var words = expected.Split(' ');
        var line = PdfWords.LineStartingWith(pdf, startsAt ?? words[0]);
        Assert.Equal(words, line.Take(words.Length).Select(PdfWords.Text));
        Assert.Empty(PdfWords.Overlaps(line));
    }
}
