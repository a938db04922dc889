using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Training.Certification.Data;

namespace Training.Certification.Verification;

/// <summary>Short-lived cache of verification lookups by code: the public page is the hottest endpoint and each lookup
/// otherwise costs a database round trip. The status is still computed per request from the cached record and today's
/// date. Revocation and reissue in this process drop the entry, and the cached public pages of the code
/// (<see cref="VerificationPageCachePolicy"/>), at once; a change made by another process (a CLI verb,
/// a second instance) shows within <see cref="Ttl"/>.</summary>
public sealed class VerificationCache(IMemoryCache cache, IOutputCacheStore pages)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public sealed record Entry(Certificate Certificate, string? NextCode);

    public Entry? Get(string code) => cache.TryGetValue(Key(code), out Entry? entry) ? entry : null;

    public void Set(string code, Entry entry) => cache.Set(Key(code), entry, Ttl);

    public async Task InvalidateAsync(string code)
    {
        cache.Remove(Key(code));
        await pages.EvictByTagAsync(VerificationPageCachePolicy.Tag(code), CancellationToken.None);
    }

    private static string Key(string code) => "cert-verify:" + code;
}
