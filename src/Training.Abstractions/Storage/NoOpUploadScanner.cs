namespace Training.Abstractions.Storage;

/// <summary>The default <see cref="IUploadScanner"/>: scans nothing and accepts every file. A site with an antivirus
/// registers its own scanner instead (see docs/operations.md).</summary>
public sealed class NoOpUploadScanner : IUploadScanner
{
    public Task<UploadScanResult> ScanAsync(Stream content, string fileName, string contentType, CancellationToken ct = default) =>
        Task.FromResult(UploadScanResult.Ok);
}
