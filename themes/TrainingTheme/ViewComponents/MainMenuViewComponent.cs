using Microsoft.AspNetCore.Mvc;
using Training.Abstractions.Navigation;
using Training.Abstractions.Security;

namespace Training.Theme.ViewComponents;

/// <summary>The main navigation, from the items the modules contribute, filtered by the user's permissions.</summary>
public sealed class MainMenuViewComponent(IEnumerable<IMenuProvider> providers) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var user = HttpContext.User;
        var items = providers.SelectMany(p => p.GetItems())
            .Where(i => i.Area == MenuArea.Main)
            .Where(i => i.Permission is null || user.HasClaim(PermissionClaim.Type, i.Permission))
            .OrderBy(i => i.Order)
            .ToList();
        return View(items);
    }
}
