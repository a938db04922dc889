using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Navigation;
using Training.Abstractions.Security;

namespace Training.Site.Pages;

/// <summary>Sends a signed-in user to their role's home: the first Home menu item whose permission they hold.</summary>
[Authorize]
public sealed class HomeModel(IEnumerable<IMenuProvider> menus) : PageModel
{
    public IActionResult OnGet()
    {
        var target = menus.SelectMany(m => m.GetItems())
            .Where(i => i.Area == MenuArea.Home && (i.Permission is null || User.HasClaim(PermissionClaim.Type, i.Permission)))
            .OrderBy(i => i.Order)
            .FirstOrDefault();
        return LocalRedirect(target?.Url ?? "/");
    }
}
