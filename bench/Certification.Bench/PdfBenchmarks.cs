using BenchmarkDotNet.Attributes;
using Training.Certification.Pdf;
using Training.Platform.Pdf;
using Training.Platform.Signing;
using Marks_ = Training.Certification.Marks;

namespace Training.Certification.Bench;

/// <summary>Certificate PDFs per second: one operation = one complete certificate, rendered (subset fonts cached, QR as
/// vectors) and signed (PAdES B-B with a demo agency key). Also reports the size so the 100 KB budget is checked on the same run.</summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private CertificatePdfRenderer _renderer = null!;
    private PadesSigner? _signer;
    private CertificateDocument[] _documents = null!;
    private int _next;

    /// <summary>rsa, ecdsa or none (unsigned).</summary>
    [Params("rsa", "ecdsa")]
    public string Key { get; set; } = "rsa";

    /// <summary>Draw a seal and a signature image in the signer block.</summary>
    public bool Marks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new CertificatePdfRenderer(PdfFonts.System(), new PdfImages());
        _signer = Key == "none" ? null : SignedPdfs.Create(Key).Signer;
        var seal = Marks ? Marks_.InkImage.Normalize(Seed.DemoMarks.Seal(), Marks_.InkRules.Seal).Png : null;
        var signature = Marks ? Marks_.InkImage.Normalize(Seed.DemoMarks.Signature(), Marks_.InkRules.Signature).Png : null;
        string[] names = ["Nguyễn Thị Ánh Tuyết", "Trần Văn Hùng", "Lê Hoàng Phương Thảo", "Phạm Đức Mạnh", "Đặng Thị Thu Hằng"];
        _documents = names.Select((n, i) => new CertificateDocument(
            "UBND tỉnh Ninh Bình", "Sở Giáo dục và Đào tạo Ninh Bình", n, "Trường THPT chuyên Lương Văn Tụy",
            "Đã hoàn thành chương trình bồi dưỡng", "Bồi dưỡng kiến thức pháp luật về phòng, chống vi phạm pháp luật trên không gian mạng",
            "Kết quả: Đạt (điểm trung bình 92,5/100)", "Giấy chứng nhận có giá trị đến hết ngày 19/11/2028",
            "Ninh Bình, ngày 20 tháng 11 năm 2026", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Nguyễn Thị Thanh Hương",
            $"SGDĐT-NB/2026/{i + 1:000000}", "7KQ4-M2XD-9TBF-H3WN", "https://daotao.ninhbinh.gov.vn/verify/7KQ4-M2XD-9TBF-H3WN",
            new DateOnly(2026, 11, 20)) { SealPng = seal, SignaturePng = signature }).ToArray();
        Console.WriteLine($"// certificate size: {RenderSigned().Length} bytes ({Key}{(Marks ? ", seal" : "")})");
    }

    [Benchmark(Description = "Render and sign one certificate PDF")]
    public int Render() => RenderSigned().Length;

    public byte[] RenderUnsigned() => _renderer.Render(_documents[Interlocked.Increment(ref _next) % _documents.Length]);

    public byte[] RenderSigned()
    {
        var pdf = RenderUnsigned();
        return _signer is null ? pdf : _signer.SignAsync(pdf, new SigningPurpose("Sở Giáo dục và Đào tạo Ninh Bình", "Cấp giấy chứng nhận", "Ninh Bình"),
            CancellationToken.None).GetAwaiter().GetResult();
    }
}
