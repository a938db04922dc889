using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Signing;

namespace Training.Platform.Signing;

/// <summary>What the signature dictionary says about a signing (shown by PDF readers).</summary>
public sealed record SigningPurpose(string Unit, string Reason, string Location);

/// <summary>Signs a finished PDF as PAdES baseline B-B (B-T with a time-stamp server): PDFsharp 6.2.4 adds the invisible
/// signature field and computes the byte range, <see cref="CadesSignature"/> makes the CMS with the unit's identity.</summary>
public sealed class PadesSigner(DocumentSigners signers, TimestampClient timestamps, ILogger<PadesSigner> log)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    // PDFsharp 6.2.4 always writes /SubFilter /adbe.pkcs7.detached; PAdES needs /ETSI.CAdES.detached. Both names have 19
    // characters, so the name is replaced in place before the byte range is hashed, and no offset moves.
    private static readonly byte[] PdfSharpSubFilter = Encoding.ASCII.GetBytes("/SubFilter/adbe.pkcs7.detached");
    private static readonly byte[] PadesSubFilter = Encoding.ASCII.GetBytes("/SubFilter/ETSI.CAdES.detached");

    /// <summary>True when some identity signs for <paramref name="unit"/>.</summary>
    public bool CanSign(string unit) => signers.For(unit) is not null;

    /// <summary>The signed document, or the document unchanged when no identity signs for the unit.</summary>
    public async Task<byte[]> SignAsync(byte[] pdf, SigningPurpose purpose, CancellationToken ct)
    {
        var signer = signers.For(purpose.Unit);
        if (signer is null)
        {
            if (_warned.TryAdd(purpose.Unit, true))
                log.LogError("No signing certificate for the issuing unit {Unit}: its documents are stored UNSIGNED. Configure Certification:Signing:Units (see README)", purpose.Unit);
            return pdf;
        }
        using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);
        document.Version = Math.Max(document.Version, 17);
        var output = new MemoryStream(pdf.Length + 16 * 1024);
        var adapter = new Adapter(signer, output, timestamps.Url is null ? null : timestamps.StampAsync, ct);
        DigitalSignatureHandler.ForDocument(document, adapter, new DigitalSignatureOptions
        {
            Reason = purpose.Reason,
            Location = purpose.Location,
            ContactInfo = purpose.Unit,
            AppName = "Training",
            Rectangle = new XRect(0, 0, 0, 0), // invisible: the page already shows the signer block
            PageIndex = 0,
        });
        await document.SaveAsync(output);
        return output.ToArray();
    }

    /// <summary>PDFsharp's signer interface over an <see cref="IDocumentSigner"/>.</summary>
    private sealed class Adapter(IDocumentSigner signer, MemoryStream output, Func<byte[], CancellationToken, Task<byte[]>>? timestamp, CancellationToken ct)
        : IDigitalSigner
    {
        public string CertificateName => signer.Chain[0].GetNameInfo(X509NameType.SimpleName, false);

        /// <summary>Room reserved for the CMS: certificates, attributes and signature, plus the time-stamp token when used.</summary>
        public Task<int> GetSignatureSizeAsync() =>
            Task.FromResult(signer.Chain.Sum(c => c.RawData.Length) + 1024 + (timestamp is null ? 0 : 8 * 1024));

        public async Task<byte[]> GetSignatureAsync(Stream stream)
        {
            ReplaceSubFilter(output);
            var content = new byte[stream.Length];
            stream.Position = 0;
            var read = stream.Read(content, 0, content.Length);
            if (read != content.Length) throw new InvalidOperationException($"Read {read} of {content.Length} signed bytes.");
            return await CadesSignature.CreateAsync(signer, SHA256.HashData(content), timestamp, ct);
        }

        private static void ReplaceSubFilter(MemoryStream stream)
        {
            var buffer = stream.GetBuffer().AsSpan(0, (int)stream.Length);
            var at = buffer.LastIndexOf(PdfSharpSubFilter);
            if (at < 0) throw new InvalidOperationException("PDFsharp wrote no /SubFilter: the signature dictionary changed shape.");
            PadesSubFilter.CopyTo(buffer[at..]);
        }
    }
}
