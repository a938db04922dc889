using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Identity;

/// <summary>Makes sure the built-in roles exist and hold the permissions the modules grant them by default.
/// Runs at every start; grants added later by an administrator are kept.</summary>
public sealed class RolePermissionSync(OrganisationDbContext db, IEnumerable<IPermissionProvider> providers)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        var roles = await db.Roles.ToListAsync(ct);
        foreach (var (name, display) in BuiltInRoles.DisplayNames)
        {
            if (roles.Any(r => r.Name == name)) continue;
            var role = new TrainingRole(name, display) { NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
            roles.Add(role);
        }
        await db.SaveChangesAsync(ct);

        var existing = await db.RoleClaims.Where(c => c.ClaimType == PermissionClaim.Type).ToListAsync(ct);
        foreach (var grant in providers.SelectMany(p => p.GetDefaultGrants()))
        {
            var role = roles.Single(r => r.Name == grant.Role);
            foreach (var permission in grant.Permissions)
            {
                if (existing.Any(c => c.RoleId == role.Id && c.ClaimValue == permission.Name)) continue;
                var claim = new IdentityRoleClaim<string> { RoleId = role.Id };
                claim.InitializeFromClaim(new Claim(PermissionClaim.Type, permission.Name));
                db.RoleClaims.Add(claim);
                existing.Add(claim);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
