using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Storage;
using Training.Platform.Data;

namespace Training.Platform.Storage;

/// <summary>Blobs in the database, shared by every node: content in 256 KiB chunk rows of a new version (each chunk its
/// own short write), then one short transaction switches the blob row to that version and deletes the previous
/// version's chunks. Readers open a seekable stream that fetches the chunk under its position.</summary>
public sealed class DatabaseBlobStore(IServiceScopeFactory scopes, TimeProvider clock) : IBlobStore, IBlobListing, IBlobHousekeeping
{
    public const int ChunkSize = 256 * 1024;

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        BlobKey.Check(key);
        // Version 7: the id carries its creation time, so the sweep can tell chunks of an upload that died (old, named
        // by no blob row) from those of an upload still being written.
        var version = Guid.CreateVersion7(clock.GetUtcNow());
        using var hashing = new BlobHashing();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var buffer = new byte[ChunkSize];
        try
        {
            for (var index = 0; ; index++)
            {
                var read = await hashing.ReadAsync(content, buffer, ct);
                if (read == 0 && index > 0) break;
                db.BlobChunks.Add(new StoredBlobChunk { VersionId = version, Index = index, Data = buffer[..read] });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                if (read < ChunkSize) break;
            }
        }
        catch
        {
            // The content stream failed (an upload cut off or over its limit): remove the chunks written so far, which
            // no blob row names. Not cancellable: the request that failed may be the one cancelled.
            db.ChangeTracker.Clear();
            await db.BlobChunks.Where(c => c.VersionId == version).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        var blob = new StoredBlob
        {
            Key = key, VersionId = version, Length = hashing.Length, ContentType = contentType, Sha256 = hashing.Finish(),
            StoredAt = BlobHashing.StoredAt(clock), ChunkSize = ChunkSize,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // DELETE … RETURNING locks the row, so two puts of one key switch one after the other and each removes
            // exactly the version it replaced.
            var replaced = await db.Database
                .SqlQueryRaw<Guid>("DELETE FROM \"platform_blobs\" WHERE \"Key\" = {0} RETURNING \"VersionId\" AS \"Value\"", key)
                .ToListAsync(ct);
            db.Blobs.Add(blob);
            await db.SaveChangesAsync(ct);
            if (replaced.Count > 0) await db.BlobChunks.Where(c => replaced.Contains(c.VersionId)).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        return Describe(blob);
    }

    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken ct = default)
    {
        var blob = await FindAsync(BlobKey.Check(key), ct);
        return blob is null ? null : Describe(blob);
    }

    public async Task<BlobContent?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var blob = await FindAsync(BlobKey.Check(key), ct);
        return blob is null ? null : new BlobContent(Describe(blob), new SeekableChunkStream(blob.Length, blob.ChunkSize, (index, ct) => ChunkAsync(blob, index, ct)));
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Check(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Database
            .SqlQueryRaw<Guid>("DELETE FROM \"platform_blobs\" WHERE \"Key\" = {0} RETURNING \"VersionId\" AS \"Value\"", key)
            .ToListAsync(ct);
        if (removed.Count > 0) await db.BlobChunks.Where(c => removed.Contains(c.VersionId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return removed.Count > 0;
    }

    public async Task<IReadOnlyList<BlobEntry>> ListAsync(string prefix, string? after, int take, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var blobs = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Blobs.AsNoTracking().Where(b => b.Key.StartsWith(prefix));
        if (after is not null) blobs = blobs.Where(b => string.Compare(b.Key, after) > 0);
        return await blobs.OrderBy(b => b.Key).Take(take).Select(b => new BlobEntry(b.Key, b.Length, b.StoredAt)).ToListAsync(ct);
    }

    /// <summary>Removes the chunks of versions no blob row names (an upload whose process died before the switch) that
    /// were created before <paramref name="olderThan"/>. Versions written before version-7 ids have no time and are kept.</summary>
    public async Task<int> DeleteIncompleteAsync(DateTimeOffset olderThan, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var named = db.Blobs.Select(b => b.VersionId);
        var orphans = await db.BlobChunks.AsNoTracking().Where(c => c.Index == 0 && !named.Contains(c.VersionId)).Select(c => c.VersionId).ToListAsync(ct);
        var old = orphans.Where(v => CreatedAt(v) is { } at && at < olderThan).ToList();
        foreach (var batch in old.Chunk(500)) await db.BlobChunks.Where(c => batch.Contains(c.VersionId)).ExecuteDeleteAsync(ct);
        return old.Count;
    }

    /// <summary>The creation time of a version-7 id (its first 48 bits, milliseconds since 1970), null for other ids.</summary>
    internal static DateTimeOffset? CreatedAt(Guid id)
    {
        if (id.Version != 7) return null;
        var bytes = id.ToByteArray(bigEndian: true);
        long ms = 0;
        for (var i = 0; i < 6; i++) ms = (ms << 8) | bytes[i];
        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    private async Task<byte[]> ChunkAsync(StoredBlob blob, int index, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().BlobChunks.AsNoTracking()
                .Where(c => c.VersionId == blob.VersionId && c.Index == index).Select(c => c.Data).FirstOrDefaultAsync(ct)
            ?? throw new IOException($"Blob {blob.Key} changed or was deleted while being read.");
    }

    private async Task<StoredBlob?> FindAsync(string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Blobs.AsNoTracking().FirstOrDefaultAsync(b => b.Key == key, ct);
    }

    private static BlobInfo Describe(StoredBlob b) => new(b.Key, b.Length, b.ContentType, b.Sha256, b.StoredAt);
}
