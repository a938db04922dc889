namespace Training.Platform.Storage;

/// <summary>A store that can leave pieces of an interrupted put behind (database chunks, temporary or replaced files)
/// and can remove them once they are older than any put still running.</summary>
internal interface IBlobHousekeeping
{
    /// <summary>Removes leftovers created before <paramref name="olderThan"/>; returns how many were removed.</summary>
    Task<int> DeleteIncompleteAsync(DateTimeOffset olderThan, CancellationToken ct = default);
}
