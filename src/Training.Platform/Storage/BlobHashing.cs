using System.Security.Cryptography;

namespace Training.Platform.Storage;

/// <summary>Reads a stream in fixed-size pieces while computing its SHA-256 and length: every store consumes an
/// upload exactly once, without holding it in memory.</summary>
internal sealed class BlobHashing : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Length { get; private set; }

    /// <summary>Fills <paramref name="buffer"/> as far as the stream allows; 0 at the end.</summary>
    public async Task<int> ReadAsync(Stream source, byte[] buffer, CancellationToken ct)
    {
        var read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        _sha.AppendData(buffer, 0, read);
        Length += read;
        return read;
    }

    public string Finish() => Convert.ToHexStringLower(_sha.GetHashAndReset());

    /// <summary>The time a blob is stored at, to the microsecond (PostgreSQL's precision), so every store describes
    /// a blob the same way before and after a round trip.</summary>
    public static DateTimeOffset StoredAt(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }

    public void Dispose() => _sha.Dispose();
}
