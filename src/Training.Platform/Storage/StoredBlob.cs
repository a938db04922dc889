namespace Training.Platform.Storage;

/// <summary>A blob kept in the database: its description and the version whose chunks hold the content. A new put
/// writes a new version's chunks first and switches the row in one short transaction, so readers never see a part.</summary>
public sealed class StoredBlob
{
    public string Key { get; set; } = "";
    public Guid VersionId { get; set; }
    public long Length { get; set; }
    public string ContentType { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTimeOffset StoredAt { get; set; }
    public int ChunkSize { get; set; }
}

/// <summary>One piece of a blob version (the last one may be shorter). Chunks let a range be read without reading
/// the whole value and an upload be written without holding it all in memory or in one transaction.</summary>
public sealed class StoredBlobChunk
{
    public Guid VersionId { get; set; }
    public int Index { get; set; }
    public byte[] Data { get; set; } = [];
}
