using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Training.Abstractions.Hosting;
using Training.Platform.Signing;

namespace Training.Certification.Bench;

/// <summary>Signing services over a temporary data folder with a generated demo agency certificate of the given key kind.</summary>
internal static class SignedPdfs
{
    public static (PadesSigner Signer, PdfSignatureVerifier Verifier) Create(string keyKind)
    {
        var folder = Directory.CreateTempSubdirectory("cert-bench-").FullName;
        var options = Options.Create(new DocumentSigningOptions { DemoCertificates = true, DemoKey = keyKind });
        var signers = new DocumentSigners([], options, new TrainingPaths(folder), new BenchEnvironment(), NullLogger<DocumentSigners>.Instance);
        return (new PadesSigner(signers, new TimestampClient(null!, options), NullLogger<PadesSigner>.Instance), new PdfSignatureVerifier(signers));
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Bench";
        public string ApplicationName { get; set; } = "Training";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
