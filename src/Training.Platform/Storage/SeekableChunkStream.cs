namespace Training.Platform.Storage;

/// <summary>A read-only, seekable stream over content fetched one fixed-size chunk at a time (database rows, S3 ranges);
/// holds one chunk. Written by hand: no served package offers a seekable stream over ranged reads.</summary>
internal sealed class SeekableChunkStream(long length, int chunkSize, Func<int, CancellationToken, Task<byte[]>> fetch) : Stream
{
    private byte[] _chunk = [];
    private int _chunkIndex = -1;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

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
        if (_position >= length || buffer.Length == 0) return 0;
        var index = (int)(_position / chunkSize);
        if (index != _chunkIndex)
        {
            _chunk = await fetch(index, cancellationToken);
            _chunkIndex = index;
        }
        var within = (int)(_position - (long)index * chunkSize);
        var count = Math.Min(buffer.Length, _chunk.Length - within);
        if (count <= 0) throw new IOException("The stored content is shorter than its description.");
        _chunk.AsMemory(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
