using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Storage;

namespace Training.Platform.Storage;

/// <summary>What one sweep found: per owner's prefix, the blobs listed, those too young to judge, those still recorded and
/// those deleted (or, in a dry run, that would be); plus the store's own leftovers of interrupted puts.</summary>
public sealed record SweepReport(IReadOnlyList<SweepLine> Owners, int Leftovers, bool DryRun)
{
    public int Deleted => Owners.Sum(o => o.Orphans);
}

public sealed record SweepLine(string Prefix, int Listed, int Young, int InUse, int Orphans, long OrphanBytes);

/// <summary>Deletes blobs that no module records any more: a crash between a blob's put and its row's write, a row
/// deleted without its blob. Each <see cref="IBlobOwner"/> is asked, a page of keys at a time, which of its keys it still
/// records; a blob is deleted only when its owner does not record it and it is older than the grace period, and it is
/// described again just before the delete so one put again meanwhile is kept. Prefixes no owner claims are not touched.</summary>
public sealed class BlobSweeper(IBlobStore store, IEnumerable<IBlobOwner> owners, IOptions<StorageOptions> options, TimeProvider clock, ILogger<BlobSweeper> log)
{
    public const int PageSize = 500;

    public async Task<SweepReport> SweepAsync(bool dryRun, CancellationToken ct)
    {
        if (store is not IBlobListing listing) throw new NotSupportedException($"{store.GetType().Name} cannot list its blobs.");
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(Math.Max(1, options.Value.SweepGraceHours));
        var all = Claims(owners);
        var lines = new List<SweepLine>();
        foreach (var owner in all) lines.Add(await SweepOwnerAsync(listing, owner, cutoff, dryRun, ct));
        var leftovers = !dryRun && store is IBlobHousekeeping housekeeping ? await housekeeping.DeleteIncompleteAsync(cutoff, ct) : 0;
        var report = new SweepReport(lines, leftovers, dryRun);
        if (report.Deleted > 0 || leftovers > 0)
            log.LogInformation("Blob sweep{DryRun}: {Deleted} orphan blobs ({Bytes} bytes) under {Prefixes}, {Leftovers} leftovers of interrupted puts",
                dryRun ? " (dry run)" : "", report.Deleted, lines.Sum(l => l.OrphanBytes), string.Join(", ", lines.Where(l => l.Orphans > 0).Select(l => l.Prefix)), leftovers);
        return report;
    }

    /// <summary>The owners, once each, after checking their claims: a valid prefix ending in '/', and no prefix inside
    /// another owner's (the outer owner would not record the inner one's keys, and the sweep would delete them).</summary>
    private static List<IBlobOwner> Claims(IEnumerable<IBlobOwner> owners)
    {
        var all = owners.DistinctBy(o => o.GetType()).ToList();
        foreach (var owner in all)
        {
            if (!owner.Prefix.EndsWith('/') || !BlobKey.IsValid(owner.Prefix.TrimEnd('/')))
                throw new InvalidOperationException($"Blob owner {owner.GetType().Name} claims an invalid prefix '{owner.Prefix}'.");
            if (all.FirstOrDefault(o => o != owner && o.Prefix.StartsWith(owner.Prefix, StringComparison.Ordinal)) is { } inner)
                throw new InvalidOperationException($"Blob owners {owner.GetType().Name} and {inner.GetType().Name} both claim '{inner.Prefix}'.");
        }
        return all;
    }

    private async Task<SweepLine> SweepOwnerAsync(IBlobListing listing, IBlobOwner owner, DateTimeOffset cutoff, bool dryRun, CancellationToken ct)
    {
        int listed = 0, young = 0, inUse = 0, orphans = 0;
        long bytes = 0;
        // The owner is asked about the old blobs a page at a time; the walk itself is the store's cheapest.
        var old = new List<BlobEntry>(PageSize);
        async Task JudgeAsync()
        {
            var recorded = await owner.InUseAsync(old.Select(e => e.Key).ToList(), ct);
            foreach (var entry in old)
            {
                if (recorded.Contains(entry.Key)) { inUse++; continue; }
                if (!dryRun)
                {
                    // Put again since the listing (same key, new content): not an orphan any more.
                    if (await store.GetInfoAsync(entry.Key, ct) is not { } now || now.StoredAt >= cutoff) { young++; continue; }
                    await store.DeleteAsync(entry.Key, ct);
                }
                orphans++;
                bytes += entry.Length;
            }
            old.Clear();
        }
        await foreach (var entry in listing.EnumerateAsync(owner.Prefix, ct))
        {
            listed++;
            if (entry.StoredAt >= cutoff) { young++; continue; }
            old.Add(entry);
            if (old.Count == PageSize) await JudgeAsync();
        }
        if (old.Count > 0) await JudgeAsync();
        return new SweepLine(owner.Prefix, listed, young, inUse, orphans, bytes);
    }
}
