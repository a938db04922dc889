namespace Training.Platform.Storage;

/// <summary>Where blobs live, bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Auto</c> (default): the data folder on SQLite, the database on PostgreSQL, so that every node sees
    /// every file. <c>FileSystem</c>, <c>Database</c> or <c>S3</c> (see <see cref="S3Options"/>) to choose.</summary>
    public BlobStoreKind Provider { get; set; } = BlobStoreKind.Auto;

    /// <summary>Whether the nightly orphan sweep runs (<see cref="BlobSweeper"/>); <c>sweep-blobs</c> works either way.</summary>
    public bool Sweep { get; set; } = true;

    /// <summary>A blob or leftover younger than this is never swept: an upload is recorded within its request, so two
    /// days leave a wide margin for a slow import or a clock that differs between nodes.</summary>
    public int SweepGraceHours { get; set; } = 48;
}

public enum BlobStoreKind
{
    Auto,
    FileSystem,
    Database,
    S3,
}
