using System.Net;

namespace Training.Organisation.Sso;

/// <summary>Single sign-on with the province's OpenID Connect provider (<c>Authentication:Oidc</c>). Off while
/// <see cref="Authority"/> is empty.</summary>
public sealed class OidcSettings
{
    public const string Section = "Authentication:Oidc";
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "tài khoản công vụ";
    public string StaffCodeClaim { get; set; } = "staff_code";
    public string EmailClaim { get; set; } = "email";
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Plain HTTP is allowed only for a provider on this machine (tests, a local Keycloak): anything else
    /// would send codes and tokens in clear.</summary>
    public bool HttpsRequired()
    {
        if (RequireHttpsMetadata || !Uri.TryCreate(Authority, UriKind.Absolute, out var uri)) return true;
        return !(uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
    }

    /// <summary>The provider's origin, allowed as a form target (sign-out posts a form that redirects there).</summary>
    public string? Origin() =>
        Enabled && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
