using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Training.Organisation;

/// <summary>Login attempts are limited per client address (an IPv6 client by its /64), POSTs only, on top of the
/// per-account throttle (<see cref="Identity.LoginThrottle"/>).</summary>
public static class LoginRateLimit
{
    public const string Policy = "login";

    public static void Add(RateLimiterOptions options, int permitsPerMinute) =>
        options.AddPolicy(Policy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    Identity.LoginThrottle.ClientNetwork(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get"));
}
