using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Training.Abstractions.Cluster;
using Training.Certification.Data;

namespace Training.Certification.Verification;

/// <summary>Short-lived cache of verification lookups by code: the public page is the hottest endpoint and each lookup
/// otherwise costs a database round trip. The status is still computed per request from the cached record and today's
/// date. Revocation and reissue drop the entry, and the cached public pages of the code
/// (<see cref="VerificationPageCachePolicy"/>), on every node at once through <see cref="IClusterEvents"/> (PostgreSQL
/// <c>LISTEN/NOTIFY</c>); a change made by a process that does not publish shows within <see cref="Ttl"/>.</summary>
public sealed class VerificationCache : IDisposable
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private const string Channel = "cert-verify";
    private readonly IMemoryCache _cache;
    private readonly IOutputCacheStore _pages;
    private readonly IClusterEvents _events;
    private readonly IDisposable _subscription;

    public VerificationCache(IMemoryCache cache, IOutputCacheStore pages, IClusterEvents events)
    {
        _cache = cache;
        _pages = pages;
        _events = events;
        // Subscribed before the first entry can be cached (the cache is created on first use).
        _subscription = events.Subscribe(Channel, EvictAsync);
    }

    public sealed record Entry(Certificate Certificate, string? NextCode);

    public Entry? Get(string code) => _cache.TryGetValue(Key(code), out Entry? entry) ? entry : null;

    public void Set(string code, Entry entry) => _cache.Set(Key(code), entry, Ttl);

    /// <summary>Drops the code's entry and pages on every node (this one directly). Call after the change is committed.</summary>
    public async Task InvalidateAsync(string code)
    {
        // This node at once (cluster messages are delivered in the background, so the next request here could still
        // read the old entry), then every node; this node's own copy of the message evicts again, harmlessly.
        await EvictAsync(code, CancellationToken.None);
        await _events.PublishAsync(Channel, code);
    }

    private async Task EvictAsync(string code, CancellationToken ct)
    {
        if (code == IClusterEvents.Everything)
        {
            // Messages may have been missed: drop every verification entry and page of this node.
            if (_cache is MemoryCache memory) memory.Compact(1.0);
            await _pages.EvictByTagAsync(VerificationPageCachePolicy.AllTag, ct);
            return;
        }
        _cache.Remove(Key(code));
        await _pages.EvictByTagAsync(VerificationPageCachePolicy.Tag(code), ct);
    }

    public void Dispose() => _subscription.Dispose();

    private static string Key(string code) => "cert-verify:" + code;
}
