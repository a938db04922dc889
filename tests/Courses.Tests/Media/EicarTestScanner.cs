using System.Text;
using Training.Abstractions.Storage;

namespace Training.Courses.Tests.Media;

/// <summary>A stand-in antivirus for tests: refuses any file whose first megabyte contains the EICAR test string.</summary>
public sealed class EicarTestScanner : IUploadScanner
{
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");

    public async Task<UploadScanResult> ScanAsync(Stream content, string fileName, string contentType, CancellationToken ct = default)
    {
        var buffer = new byte[1024 * 1024];
        var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return buffer.AsSpan(0, read).IndexOf(Signature) >= 0 ? UploadScanResult.Refused("phát hiện mẫu thử EICAR") : UploadScanResult.Ok;
    }
}
