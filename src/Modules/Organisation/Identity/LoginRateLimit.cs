using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Training.Organisation;

/// <summary>Login attempts are limited per client address (POSTs only), on top of the per-account lockout.</summary>
public static class LoginRateLimit
{
    public const string Policy = "login";

    public static void Add(RateLimiterOptions options, int permitsPerMinute) =>
        options.AddPolicy(Policy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get"));
}
