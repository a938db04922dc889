using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Organisation.Data;
using Training.Organisation.Sso;

namespace Training.Organisation.Pages.Account;

/// <summary>Where the OpenID Connect handler lands after a valid callback: finds (or links, on the first sign-in) the
/// roster person and opens a server-side session that remembers the id_token for the provider's sign-out.</summary>
[AllowAnonymous]
public sealed class LoginOidcCallbackModel(SignInManager<TrainingUser> signIn, SsoLinker linker) : PageModel
{
    public const string SsoMethod = "sso";

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return RedirectToPage("/Account/LoginOidcError", new { reason = SsoErrors.Refused });
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);

        var link = await linker.FindOrLinkAsync(info, ct);
        if (link.User is null) return RedirectToPage("/Account/LoginOidcError", new { reason = link.Refusal });

        var properties = new AuthenticationProperties { IsPersistent = false };
        if (info.AuthenticationTokens?.FirstOrDefault(t => t.Name == "id_token") is { } idToken)
            properties.StoreTokens([idToken]);
        await signIn.SignInWithClaimsAsync(link.User, properties, [new Claim(ClaimTypes.AuthenticationMethod, SsoMethod)]);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/home");
    }
}
