using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Directory;

/// <summary>Administrators (ViewAllUnits) see everything; HR users see the subtree of their scope unit; others nothing.</summary>
internal sealed class UserScope(OrganisationDbContext db, IOrgDirectory directory) : IUserScope
{
    public async Task<UnitScope> GetScopeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return UnitScope.Nothing;
        if (user.HasClaim(PermissionClaim.Type, Permissions.ViewAllUnits)) return UnitScope.Everything;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var scopeUnit = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.ScopeUnitId).FirstOrDefaultAsync(ct);
        if (scopeUnit is not { } root) return UnitScope.Nothing;
        return new UnitScope(false, root, await directory.GetSubtreeAsync(root, ct));
    }
}
