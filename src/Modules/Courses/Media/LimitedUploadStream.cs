namespace Training.Courses.Media;

/// <summary>Thrown by <see cref="LimitedUploadStream"/> when an upload goes past its limit.</summary>
public sealed class UploadTooLargeException(long limit) : IOException($"Upload larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>The upload as the blob store reads it: the header bytes already read for sniffing, then the rest of the
/// request section, failing as soon as more than <see cref="UploadTooLargeException.Limit"/> bytes came, so an oversize
/// file is never stored and never read to its end.</summary>
internal sealed class LimitedUploadStream(byte[] head, Stream rest, long limit) : Stream
{
    private int _headPosition;
    private long _total;

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        int read;
        if (_headPosition < head.Length)
        {
            read = Math.Min(buffer.Length, head.Length - _headPosition);
            head.AsMemory(_headPosition, read).CopyTo(buffer);
            _headPosition += read;
        }
        else
        {
            read = await rest.ReadAsync(buffer, ct);
        }
        _total += read;
        if (_total > limit) throw new UploadTooLargeException(limit);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
