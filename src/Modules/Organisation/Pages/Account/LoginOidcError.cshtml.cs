using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Organisation.Sso;

namespace Training.Organisation.Pages.Account;

/// <summary>Why single sign-on did not sign the user in; the reason is a code, so the page shows only our own text.</summary>
[AllowAnonymous]
public sealed class LoginOidcErrorModel : PageModel
{
    public string Message { get; private set; } = "";

    public void OnGet(string? reason) => Message = SsoErrors.Message(reason);
}
