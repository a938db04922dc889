namespace Training.LegalLibrary.Data;

/// <summary>The one row that says which state of the library the nodes' search indexes must follow: every import that
/// changes the library raises <see cref="Generation"/> in its write transaction, and each node rebuilds its own Lucene
/// index when the generation it built from is older (IndexFollower).</summary>
public sealed class LegalCorpusState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Generation { get; set; }

    /// <summary>SHA-256 of the corpus folder last imported, so a node starting with an unchanged corpus skips the import
    /// another node already did.</summary>
    public string? CorpusSha256 { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
