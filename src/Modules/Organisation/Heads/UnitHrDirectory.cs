using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Heads;

/// <summary>HR users are the active users whose roles grant <see cref="Permissions.AccessHr"/> and who have a scope unit.
/// Administrators (every unit) are not HR of a unit: they would receive every unit's mail.</summary>
internal sealed class UnitHrDirectory(OrganisationDbContext db) : IUnitHrDirectory
{
    public async Task<IReadOnlyList<string>> HrOfUnitAsync(Guid unitId, CancellationToken ct = default)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null) return [];
        var chain = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Reverse().ToList();
        var hr = await GetAllHrAsync(ct);
        return chain.SelectMany(unit => hr.Where(h => h.ScopeUnitId == unit).Select(h => h.UserId)).Distinct().ToList();
    }

    public async Task<IReadOnlyList<HrScopeInfo>> GetAllHrAsync(CancellationToken ct = default)
    {
        var roles = db.RoleClaims.Where(c => c.ClaimType == PermissionClaim.Type && c.ClaimValue == Permissions.AccessHr).Select(c => c.RoleId);
        var holders = db.UserRoles.Where(r => roles.Contains(r.RoleId)).Select(r => r.UserId);
        return await db.Users.AsNoTracking().Where(u => u.IsActive && u.ScopeUnitId != null && holders.Contains(u.Id))
            .OrderBy(u => u.UserName).Select(u => new HrScopeInfo(u.Id, u.ScopeUnitId!.Value)).ToListAsync(ct);
    }
}
