namespace Training.Courses.Scorm.Import;

/// <summary>Reads a zip entry and stops with a refusal once more bytes come out than the entry declared or than the
/// whole package may hold: the central directory's sizes are only a claim, and a bomb lies in them.</summary>
internal sealed class LimitedStream(Stream inner, long entryLimit, Func<long, bool> takeFromBudget, string entryName) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try { return Count(inner.Read(buffer)); }
        catch (InvalidDataException) { throw Corrupt(); }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try { return Count(await inner.ReadAsync(buffer, cancellationToken)); }
        catch (InvalidDataException) { throw Corrupt(); }
    }

    private ScormPackageException Corrupt() => new($"tệp \"{entryName}\" trong zip bị hỏng (dữ liệu nén hoặc CRC sai).");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n)
    {
        _read += n;
        if (_read > entryLimit) throw new ScormPackageException($"tệp \"{entryName}\" giải nén ra nhiều hơn kích thước khai báo (dấu hiệu zip bomb).");
        if (!takeFromBudget(n)) throw new ScormPackageException("tổng dung lượng giải nén vượt giới hạn (dấu hiệu zip bomb).");
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
