namespace Training.Abstractions.Storage;

/// <summary>A department's antivirus (or any content check) called on every uploaded file after it has been stored
/// under a key nobody refers to yet and before it is registered: a refused file is deleted, never served.
/// The site registers <see cref="NoOpUploadScanner"/> unless another implementation is registered.</summary>
public interface IUploadScanner
{
    /// <summary>Reads <paramref name="content"/> (seekable, positioned at 0) and says whether it may be kept.</summary>
    /// <param name="fileName">The name the uploader gave, for the scanner's log.</param>
    Task<UploadScanResult> ScanAsync(Stream content, string fileName, string contentType, CancellationToken ct = default);
}

/// <summary>The verdict of an <see cref="IUploadScanner"/>. <see cref="Reason"/> is shown to the uploader when refused.</summary>
public sealed record UploadScanResult(bool Clean, string? Reason = null)
{
    public static readonly UploadScanResult Ok = new(true);

    public static UploadScanResult Refused(string reason) => new(false, reason);
}
