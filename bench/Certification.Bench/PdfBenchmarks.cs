using BenchmarkDotNet.Attributes;
using Training.Certification.Pdf;
using Training.Platform.Pdf;

namespace Training.Certification.Bench;

/// <summary>Certificate PDFs per second: one render = one complete certificate (subset fonts cached, QR as vectors).
/// Also reports the size so the 100 KB budget is checked on the same run.</summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private CertificatePdfRenderer _renderer = null!;
    private CertificateDocument[] _documents = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new CertificatePdfRenderer(PdfFonts.System(), new PdfImages());
        string[] names = ["Nguyễn Thị Ánh Tuyết", "Trần Văn Hùng", "Lê Hoàng Phương Thảo", "Phạm Đức Mạnh", "Đặng Thị Thu Hằng"];
        _documents = names.Select((n, i) => new CertificateDocument(
            "UBND tỉnh Ninh Bình", "Sở Giáo dục và Đào tạo Ninh Bình", n, "Trường THPT chuyên Lương Văn Tụy",
            "Đã hoàn thành chương trình bồi dưỡng", "Bồi dưỡng kiến thức pháp luật về phòng, chống vi phạm pháp luật trên không gian mạng",
            "Kết quả: Đạt (điểm trung bình 92,5/100)", "Giấy chứng nhận có giá trị đến hết ngày 19/11/2028",
            "Ninh Bình, ngày 20 tháng 11 năm 2026", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Nguyễn Thị Thanh Hương",
            $"SGDĐT-NB/2026/{i + 1:000000}", "7KQ4-M2XD-9TBF-H3WN", "https://daotao.ninhbinh.gov.vn/verify/7KQ4-M2XD-9TBF-H3WN",
            new DateOnly(2026, 11, 20))).ToArray();
        var size = _renderer.Render(_documents[0]).Length;
        Console.WriteLine($"// certificate size: {size} bytes");
    }

    [Benchmark(Description = "Render one certificate PDF")]
    public int Render() => _renderer.Render(_documents[_next++ % _documents.Length]).Length;
}
