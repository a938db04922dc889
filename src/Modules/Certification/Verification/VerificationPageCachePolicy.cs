using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Training.Certification.Issuance;
using Training.Platform.Time;

namespace Training.Certification.Verification;

/// <summary>Output cache of the public verification page (<c>/verify/{code}</c>), the hottest page of the site: every
/// printed QR code leads to it. A rendered page is kept for <see cref="VerificationCache.Ttl"/> and served without
/// running the page again. It is cached only for anonymous visitors and only when the answer is a found certificate
/// (status 200, no cookie set). The cache key varies by the verification code (the path), the interface language and
/// today's date in Vietnam (so "valid" turns "expired" on the right day), and each entry is tagged with the code so a
/// revocation or reissue on any node evicts it at once (<see cref="VerificationCache.InvalidateAsync"/>). The rate limit
/// runs before the cache and still counts every request.</summary>
public sealed class VerificationPageCachePolicy(TimeProvider clock) : IOutputCachePolicy
{
    public const string Name = "certificate-verification";

    public static string Tag(string canonicalCode) => "cert-verify:" + canonicalCode;

    /// <summary>On every cached verification page, so a node that may have missed evictions drops them all.</summary>
    public const string AllTag = "cert-verify";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var code = VerificationCode.Normalize(http.Request.RouteValues["code"] as string);
        var cacheable = code is not null
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.Request.Headers.Authorization.Count == 0
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable) return ValueTask.CompletedTask;
        context.ResponseExpirationTimeSpan = VerificationCache.Ttl;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["today"] = clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.Tags.Add(Tag(code!));
        context.Tags.Add(AllTag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
