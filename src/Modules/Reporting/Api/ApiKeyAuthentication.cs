using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Training.Reporting.Api;

/// <summary>Authentication scheme "ApiKey": the <c>X-Api-Key</c> header carries a key created on /admin/api-keys.
/// The principal holds the key's id and the root of the unit subtree it may see.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyClaim = "api_key";
    public const string UnitClaim = "api_unit";

    public static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().RequireClaim(UnitClaim).Build();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0])) return AuthenticateResult.NoResult();
        var key = await keys.FindAsync(values[0]!.Trim(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Khóa API không hợp lệ hoặc đã bị thu hồi.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "apikey:" + key.Id), new Claim(ClaimTypes.Name, key.Name),
            new Claim(KeyClaim, key.Id.ToString()), new Claim(UnitClaim, key.UnitId.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
