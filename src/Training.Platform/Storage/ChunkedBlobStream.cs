using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Platform.Data;

namespace Training.Platform.Storage;

/// <summary>A read-only, seekable view of one blob version's chunk rows; holds one chunk at a time. Written by hand:
/// no served package streams EF rows as a seekable stream.</summary>
internal sealed class ChunkedBlobStream(IServiceScopeFactory scopes, StoredBlob blob) : Stream
{
    private byte[] _chunk = [];
    private int _chunkIndex = -1;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => blob.Length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= blob.Length || buffer.Length == 0) return 0;
        var index = (int)(_position / blob.ChunkSize);
        if (index != _chunkIndex) await LoadAsync(index, cancellationToken);
        var within = (int)(_position - (long)index * blob.ChunkSize);
        var count = Math.Min(buffer.Length, _chunk.Length - within);
        _chunk.AsMemory(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => blob.Length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async Task LoadAsync(int index, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        _chunk = await db.BlobChunks.AsNoTracking()
            .Where(c => c.VersionId == blob.VersionId && c.Index == index).Select(c => c.Data).FirstOrDefaultAsync(ct)
            ?? throw new IOException($"Blob {blob.Key} changed or was deleted while being read.");
        _chunkIndex = index;
    }
}
