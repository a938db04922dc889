namespace Training.Abstractions.Storage;

/// <summary>The rule every blob store applies to keys, so a key valid in one store is valid in all (a file path, a
/// database key, an S3 object name): 1–400 characters, segments separated by <c>/</c>, each of lower-case ASCII letters,
/// digits, <c>.</c>, <c>_</c> and <c>-</c>, never empty, never <c>.</c> or <c>..</c>.</summary>
public static class BlobKey
{
    public const int MaxLength = 400;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength) return false;
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..") return false;
            foreach (var c in segment)
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-')) return false;
        }
        return true;
    }

    /// <summary>The distinct ids that segment <paramref name="segment"/> (0-based, split on <c>/</c>) of the keys starts
    /// with, as 32 hexadecimal digits (<c>Guid</c> "N" form); keys without one are skipped. For an
    /// <see cref="IBlobOwner"/>: which of its records to read for a page of keys.</summary>
    public static List<Guid> IdsAt(IEnumerable<string> keys, int segment)
    {
        var ids = new HashSet<Guid>();
        foreach (var key in keys)
        {
            var parts = key.Split('/');
            if (parts.Length > segment && parts[segment].Length >= 32 && Guid.TryParseExact(parts[segment].AsSpan(0, 32), "N", out var id))
                ids.Add(id);
        }
        return [.. ids];
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the key when it is not valid.</summary>
    public static string Check(string key) =>
        IsValid(key) ? key : throw new ArgumentException($"Invalid blob key '{key}'.", nameof(key));
}
