using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Navigation;

namespace Training.Organisation.Pages.Admin;

[Authorize(Policy = Permissions.AccessAdmin)]
public sealed class AdminIndexModel(IEnumerable<IMenuProvider> menus) : PageModel
{
    public List<MenuItem> Items { get; private set; } = [];

    public void OnGet() => Items = menus.For(MenuArea.Admin, User);
}
