using System.Security.Claims;
using Training.Abstractions.Navigation;
using Training.Abstractions.Security;

namespace Training.Organisation.Pages;

internal static class MenuFilter
{
    public static List<MenuItem> For(this IEnumerable<IMenuProvider> providers, MenuArea area, ClaimsPrincipal user) =>
        providers.SelectMany(p => p.GetItems())
            .Where(i => i.Area == area && (i.Permission is null || user.HasClaim(PermissionClaim.Type, i.Permission)))
            .OrderBy(i => i.Order)
            .ToList();
}
