namespace Training.Abstractions.Organisation;

/// <summary>Every person's id in the roster, page by page (implemented by the Organisation module), so a module that
/// mirrors the roster can walk all of it with bounded memory, e.g. to re-check its copy.</summary>
public interface IRosterKeys
{
    /// <summary>Up to <paramref name="take"/> user ids (active or not) greater than <paramref name="after"/> (null: from
    /// the first), in ascending order as the database compares the ids, so the last one is the next call's
    /// <paramref name="after"/> (keyset paging). Fewer than <paramref name="take"/>: the end was reached.</summary>
    Task<IReadOnlyList<string>> GetUserIdsAfterAsync(string? after, int take, CancellationToken ct = default);
}
