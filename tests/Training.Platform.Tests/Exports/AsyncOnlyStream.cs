namespace Training.Platform.Tests.Exports;

/// <summary>A response body as Kestrel gives it: synchronous writes and flushes throw (AllowSynchronousIO is false).</summary>
public sealed class AsyncOnlyStream : Stream
{
    private const string Refused = "Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.";
    private readonly MemoryStream _written = new();

    public byte[] Written => _written.ToArray();

    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException(Refused);
    public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException(Refused);
    public override void WriteByte(byte value) => throw new InvalidOperationException(Refused);
    public override void Flush() => throw new InvalidOperationException(Refused);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _written.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
