namespace Training.Abstractions.Storage;

/// <summary>Implemented by a blob store that keeps each blob as a whole file on this node's disk (the data folder), so a
/// large blob can be served by path (<c>Results.File</c>: the response body's send-file path with range processing,
/// no stream wrapper) instead of through <see cref="IBlobStore.OpenReadAsync"/>. Check for it with <c>is</c>; stores
/// without local files (database, S3) do not implement it.</summary>
public interface IBlobFiles
{
    /// <summary>The blob's description and the full path of its content file, or null when nothing is stored. The file
    /// is complete and never rewritten in place; a later put or delete of the key removes it, so open it promptly.</summary>
    Task<BlobFile?> FindFileAsync(string key, CancellationToken ct = default);
}

/// <summary>A stored blob and the file that holds its content.</summary>
public sealed record BlobFile(BlobInfo Info, string Path);
