using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Training.Organisation.Identity;

/// <summary>The "device cookie" of OWASP's guidance on slowing online guessing: a browser that has signed in to an
/// account before carries a protected cookie naming it, and keeps signing in to that account while the account is
/// under attack from elsewhere (<see cref="LoginThrottle"/>).</summary>
public sealed class LoginDevices(IDataProtectionProvider protection)
{
    public const string CookieName = "training.device";
    private const int MaxAccounts = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Training.Organisation.LoginDevice.v1").ToTimeLimitedDataProtector();

    public bool IsTrusted(HttpContext context, string userId) => Read(context).Contains(userId);

    public void Remember(HttpContext context, string userId)
    {
        var ids = Read(context).Where(id => id != userId).Prepend(userId).Take(MaxAccounts);
        context.Response.Cookies.Append(CookieName, _protector.Protect(string.Join(' ', ids), Lifetime),
            new CookieOptions { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, MaxAge = Lifetime, Path = "/account" });
    }

    private List<string> Read(HttpContext context)
    {
        var value = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value)) return [];
        try
        {
            return [.. _protector.Unprotect(value).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }
}
