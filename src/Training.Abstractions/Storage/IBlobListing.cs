namespace Training.Abstractions.Storage;

/// <summary>Implemented by a blob store that can list what it holds (every store of the platform does), so the orphan
/// sweep can find blobs nothing records any more. Check for it with <c>is</c>.</summary>
public interface IBlobListing
{
    /// <summary>Up to <paramref name="take"/> blobs whose key starts with <paramref name="prefix"/>, after
    /// <paramref name="after"/> (exclusive; null from the start), in the store's key order: ordinal in a folder and in S3,
    /// the key column's collation in a database. A keyset page, so a listing of millions holds one page at a time.</summary>
    Task<IReadOnlyList<BlobEntry>> ListAsync(string prefix, string? after, int take, CancellationToken ct = default);

    /// <summary>Every blob under <paramref name="prefix"/>, in no promised order, for a walk that visits each once (the
    /// sweep). By default pages through <see cref="ListAsync"/>; a store that can walk more cheaply than a keyset page
    /// per call (a folder has no index to seek in) overrides it. Blobs deleted during the walk may or may not appear.</summary>
    async IAsyncEnumerable<BlobEntry> EnumerateAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        const int page = 500;
        for (string? after = null; ;)
        {
            var entries = await ListAsync(prefix, after, page, ct);
            foreach (var entry in entries) yield return entry;
            if (entries.Count < page) yield break;
            after = entries[^1].Key;
        }
    }
}

/// <summary>A listed blob: its key, size and when it was stored.</summary>
public sealed record BlobEntry(string Key, long Length, DateTimeOffset StoredAt);
