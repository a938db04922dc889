namespace Training.Organisation.Roster;

/// <summary>A roster file waiting for its uploader to confirm the units it would create. The content lives in the blob
/// store (shared by every node); this row says whose it is and since when, so expired drafts can be found and removed
/// (the blob store has no listing).</summary>
public sealed class RosterDraft
{
    /// <summary>Random, 32 hexadecimal digits; also the blob key's last part.</summary>
    public string Id { get; set; } = "";

    /// <summary>The first 16 hexadecimal digits of the uploader's id's SHA-256.</summary>
    public string Owner { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
