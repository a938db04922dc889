using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Directory;

/// <summary>Administrators (ViewAllUnits) see everything; HR users see the subtree of their scope unit; others nothing.
/// Scoped: the last answer is kept for the same principal, since a request asks several times (the page, then its unit
/// picker's lookup and search) and each answer costs the user's row and the whole subtree.</summary>
internal sealed class UserScope(OrganisationDbContext db, IOrgDirectory directory) : IUserScope
{
    private (ClaimsPrincipal User, UnitScope Scope)? _last;

    public async Task<UnitScope> GetScopeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (_last is { } last && ReferenceEquals(last.User, user)) return last.Scope;
        var scope = await ComputeAsync(user, ct);
        _last = (user, scope);
        return scope;
    }

    private async Task<UnitScope> ComputeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return UnitScope.Nothing;
        if (user.HasClaim(PermissionClaim.Type, Permissions.ViewAllUnits)) return UnitScope.Everything;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var scopeUnit = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.ScopeUnitId).FirstOrDefaultAsync(ct);
        if (scopeUnit is not { } root) return UnitScope.Nothing;
        return new UnitScope(false, root, await directory.GetSubtreeAsync(root, ct));
    }
}
