namespace Training.Abstractions.Storage;

/// <summary>Implemented by a module for each key prefix under which it alone stores blobs, and registered as
/// <c>IBlobOwner</c>. The orphan sweep deletes a blob under <see cref="Prefix"/> only when the owner says it no longer
/// records it and the blob is older than the grace period; blobs under a prefix no owner claims are never deleted.</summary>
public interface IBlobOwner
{
    /// <summary>The prefix, ending with <c>/</c> (e.g. <c>courses/media/</c>).</summary>
    string Prefix { get; }

    /// <summary>Which of <paramref name="keys"/> (all under <see cref="Prefix"/>, at most a page) the module still records.</summary>
    Task<IReadOnlySet<string>> InUseAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default);
}
