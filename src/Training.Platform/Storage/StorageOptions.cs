namespace Training.Platform.Storage;

/// <summary>Where blobs live, bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Auto</c> (default): the data folder on SQLite, the database on PostgreSQL, so that every node sees
    /// every file. <c>FileSystem</c>, <c>Database</c> or <c>S3</c> (see <see cref="S3Options"/>) to choose.</summary>
    public BlobStoreKind Provider { get; set; } = BlobStoreKind.Auto;
}

public enum BlobStoreKind
{
    Auto,
    FileSystem,
    Database,
    S3,
}
