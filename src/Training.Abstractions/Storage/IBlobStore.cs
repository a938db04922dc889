namespace Training.Abstractions.Storage;

/// <summary>Files the site keeps (certificate PDFs, reports, uploads), by key, visible to every node: in the data
/// folder on one node (SQLite), in the database or an S3-compatible store when several nodes share PostgreSQL.
/// A put is all-or-nothing: readers see the old content or the new one, never a part.</summary>
public interface IBlobStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/> (replacing what was there), reading it
    /// once as a stream, and returns its size and SHA-256.</summary>
    /// <param name="key">Lower-case letters, digits, <c>. _ -</c> and <c>/</c> between segments; see <see cref="BlobKey"/>.</param>
    Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default);

    /// <summary>What is stored under the key, or null when nothing is.</summary>
    Task<BlobInfo?> GetInfoAsync(string key, CancellationToken ct = default);

    /// <summary>Opens the content for reading, or null when nothing is stored. The stream is seekable (so HTTP range
    /// requests can be served from any position without reading what comes before) and must be disposed.</summary>
    Task<BlobContent?> OpenReadAsync(string key, CancellationToken ct = default);

    /// <summary>Removes the key; false when nothing was stored.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct = default);
}

/// <summary>A stored blob's description.</summary>
/// <param name="Sha256">Lower-case hexadecimal SHA-256 of the content.</param>
public sealed record BlobInfo(string Key, long Length, string ContentType, string Sha256, DateTimeOffset StoredAt);

/// <summary>An open blob: its description and a seekable, read-only stream positioned at 0.</summary>
public sealed class BlobContent(BlobInfo info, Stream stream) : IAsyncDisposable, IDisposable
{
    public BlobInfo Info { get; } = info;
    public Stream Stream { get; } = stream;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();

    public void Dispose() => Stream.Dispose();
}
