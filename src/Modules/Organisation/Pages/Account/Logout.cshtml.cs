using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Training.Organisation.Data;
using Training.Organisation.Sso;

namespace Training.Organisation.Pages.Account;

/// <summary>Ends the session; a session opened by single sign-on also ends the provider's session (end_session with
/// the id_token as hint), which then sends the browser back to the home page.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<TrainingUser> signIn, IOptions<OidcSettings> sso) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var idToken = session.Properties?.GetTokenValue("id_token");
        await signIn.SignOutAsync();
        if (!sso.Value.Enabled || string.IsNullOrEmpty(idToken)) return LocalRedirect("/");
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        properties.Items[OidcEvents.IdTokenItem] = idToken;
        return SignOut(properties, OidcSettings.Scheme);
    }
}
