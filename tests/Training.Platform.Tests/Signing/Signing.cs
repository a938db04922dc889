using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;
using Training.Abstractions.Hosting;
using Training.Abstractions.Signing;
using Training.Platform.Pdf;
using Training.Platform.Signing;

namespace Training.Platform.Tests.Signing;

/// <summary>Signing services over a fresh data folder with the generated demo certificates.</summary>
internal sealed class Signing : IDisposable
{
    public Signing(string demoKey = "RSA", string? timestampUrl = null, IEnumerable<IDocumentSigner>? registered = null, List<UnitSigner>? units = null)
    {
        Folder = Directory.CreateTempSubdirectory("signing-tests-").FullName;
        var options = Options.Create(new DocumentSigningOptions { DemoCertificates = true, DemoKey = demoKey, TimestampUrl = timestampUrl, Units = units ?? [] });
        Signers = new DocumentSigners(registered ?? [], options, new TrainingPaths(Folder), new Environment(), NullLogger<DocumentSigners>.Instance);
        Pades = new PadesSigner(Signers, new TimestampClient(new Http(), options), NullLogger<PadesSigner>.Instance);
        Verifier = new PdfSignatureVerifier(Signers);
    }

    public string Folder { get; }
    public DocumentSigners Signers { get; }
    public PadesSigner Pades { get; }
    public PdfSignatureVerifier Verifier { get; }

    public Task<byte[]> SignAsync(byte[] pdf, string unit = "Sở Giáo dục và Đào tạo Ninh Bình") =>
        Pades.SignAsync(pdf, new SigningPurpose(unit, "Cấp giấy chứng nhận", "Ninh Bình"), CancellationToken.None);

    /// <summary>A one-page PDF with a line of Vietnamese, as Skia writes it.</summary>
    public static byte[] SamplePdf(string text = "Giấy chứng nhận số SGDĐT-NB/2026/000001")
    {
        using var fonts = PdfFonts.System();
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(595, 842);
            using var documentFonts = fonts.For([text]);
            new TextPainter(documentFonts).Line(canvas, text, 60, 100, PdfFontSource.Regular, 14, SKColors.Black, SKTextAlign.Left);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Training";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private sealed class Http : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
