using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Organisation.Data;
using Training.Organisation.Identity;
using Training.Organisation.Sso;

namespace Training.Organisation.Pages.Account;

/// <summary>Starts single sign-on. The provider's metadata is fetched first, so a provider that is down gives a
/// Vietnamese page (and the way back to the password form) instead of an error 500.</summary>
[AllowAnonymous]
[EnableRateLimiting(LoginRateLimit.Policy)]
public sealed class LoginOidcModel(
    IOptions<OidcSettings> settings, IOptionsMonitor<OpenIdConnectOptions> oidc, SignInManager<TrainingUser> signIn,
    ILogger<LoginOidcModel> log) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        if (!settings.Value.Enabled) return NotFound();
        try
        {
            var options = oidc.Get(OidcSettings.Scheme);
            await options.ConfigurationManager!.GetConfigurationAsync(ct);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            log.LogError(e, "Single sign-on provider {Authority} is unreachable", settings.Value.Authority);
            Error = SsoErrors.Message(SsoErrors.Unavailable);
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : "/home";
        var callback = Url.Page("/Account/LoginOidcCallback", new { returnUrl = back })!;
        var properties = signIn.ConfigureExternalAuthenticationProperties(OidcSettings.Scheme, callback);
        return Challenge(properties, OidcSettings.Scheme);
    }
}
