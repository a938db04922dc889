using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Site.Pages;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = User.Identity?.IsAuthenticated == true;
}
