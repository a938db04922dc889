using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Training.Abstractions.Storage;

namespace Training.Platform.Storage;

/// <summary>Blobs in an S3-compatible bucket (AWSSDK.S3). An upload is spooled to a temporary file while its SHA-256 is
/// computed, then put in one request (an object appears whole or not at all); the hash and the time travel as object
/// metadata. Reads fetch 256 KiB ranges of the version first described (If-Match on the ETag), so a replaced object
/// is never read half old, half new.</summary>
public sealed class S3BlobStore : IBlobStore, IBlobListing, IDisposable
{
    private const int RangeSize = 256 * 1024;
    private readonly AmazonS3Client _s3;
    private readonly string _bucket;
    private readonly TimeProvider _clock;

    public S3BlobStore(IOptions<S3Options> options, TimeProvider clock)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.ServiceUrl) || string.IsNullOrWhiteSpace(o.Bucket))
            throw new InvalidOperationException("Storage:Provider is S3 but Storage:S3:ServiceUrl or Storage:S3:Bucket is empty.");
        _s3 = new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), new AmazonS3Config
        {
            ServiceURL = o.ServiceUrl,
            ForcePathStyle = o.ForcePathStyle,
            AuthenticationRegion = o.Region,
            // Plain requests: not every S3-compatible store accepts the SDK's newer streaming checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        _bucket = o.Bucket;
        _clock = clock;
    }

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        BlobKey.Check(key);
        var temp = Path.GetTempFileName();
        try
        {
            using var hashing = new BlobHashing();
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await hashing.ReadAsync(content, buffer, ct)) > 0) await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            var info = new BlobInfo(key, hashing.Length, contentType, hashing.Finish(), BlobHashing.StoredAt(_clock));
            var request = new PutObjectRequest { BucketName = _bucket, Key = key, FilePath = temp, ContentType = contentType };
            request.Metadata.Add("sha256", info.Sha256);
            request.Metadata.Add("stored-at", info.StoredAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await _s3.PutObjectAsync(request, ct);
            return info;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken ct = default) => (await DescribeAsync(BlobKey.Check(key), ct))?.Info;

    public async Task<BlobContent?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var found = await DescribeAsync(BlobKey.Check(key), ct);
        if (found is not { } described) return null;
        return new BlobContent(described.Info, new SeekableChunkStream(described.Info.Length, RangeSize, (index, token) => RangeAsync(key, described.ETag, index, described.Info.Length, token)));
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        if (await DescribeAsync(BlobKey.Check(key), ct) is null) return false;
        await _s3.DeleteObjectAsync(_bucket, key, ct);
        return true;
    }

    /// <summary>One ListObjectsV2 request; the time is the object's LastModified (when it was put), which lists carry.</summary>
    public async Task<IReadOnlyList<BlobEntry>> ListAsync(string prefix, string? after, int take, CancellationToken ct = default)
    {
        var response = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix, StartAfter = after, MaxKeys = take }, ct);
        return (response.S3Objects ?? []).Select(o => new BlobEntry(o.Key, o.Size ?? 0, Utc(o.LastModified))).ToList();
    }

    public void Dispose() => _s3.Dispose();

    /// <summary>The SDK's times may be local or UTC depending on its version and parser: made UTC either way (a local time
    /// given to a zero offset would throw on a server outside UTC).</summary>
    private static DateTimeOffset Utc(DateTime? time) => time is not { } t ? default
        : new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime(), TimeSpan.Zero);

    private async Task<(BlobInfo Info, string ETag)?> DescribeAsync(string key, CancellationToken ct)
    {
        try
        {
            var head = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, ct);
            var storedAt = long.TryParse(head.Metadata["stored-at"], out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : Utc(head.LastModified);
            return (new BlobInfo(key, head.ContentLength, head.Headers.ContentType, head.Metadata["sha256"] ?? "", storedAt), head.ETag);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<byte[]> RangeAsync(string key, string etag, int index, long length, CancellationToken ct)
    {
        var start = (long)index * RangeSize;
        var end = Math.Min(length, start + RangeSize) - 1;
        try
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key, ByteRange = new ByteRange(start, end), EtagToMatch = etag }, ct);
            var bytes = new byte[end - start + 1];
            await response.ResponseStream.ReadExactlyAsync(bytes, ct);
            return bytes;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw new IOException($"Blob {key} changed or was deleted while being read.", ex);
        }
    }
}
