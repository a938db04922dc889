using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>What the planner needs from the database, read in a fixed handful of queries without tracking and outside
/// any transaction: the unit tree, the people a file could match (by staff code, e-mail or user name), their
/// memberships and permissions, and the role an import grants.</summary>
internal sealed class RosterSnapshot
{
    public required UnitTree Tree { get; init; }
    public required List<TrainingUser> People { get; init; }
    public required ILookup<string, UnitMembership> Memberships { get; init; }
    public required Dictionary<string, HashSet<string>> Permissions { get; init; }
    public required string ImportRoleId { get; init; }
    public required IReadOnlySet<string> GrantedOnImport { get; init; }

    public static async Task<RosterSnapshot> LoadAsync(OrganisationDbContext db, ILookupNormalizer normalizer, IReadOnlyList<RosterRow> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.StaffCode.ToUpperInvariant()).Distinct().ToList();
        var names = rows.Select(r => normalizer.NormalizeName(r.StaffCode)).Distinct().ToList();
        var emails = rows.Where(r => r.Email is not null).Select(r => normalizer.NormalizeEmail(r.Email)!).Distinct().ToList();

        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        // One query with one array parameter per list (json_each on SQLite, = ANY on PostgreSQL), never one per row.
        // EF.Parameter keeps each list one parameter: EF Core 10 otherwise expands it into one parameter per value.
        var people = await db.Users.AsNoTracking()
            .Where(u => EF.Parameter(codes).Contains(u.StaffCode.ToUpper())
                || (u.NormalizedEmail != null && EF.Parameter(emails).Contains(u.NormalizedEmail))
                || (u.NormalizedUserName != null && EF.Parameter(names).Contains(u.NormalizedUserName)))
            .ToListAsync(ct);
        var ids = people.Select(u => u.Id).ToList();

        var memberships = await db.Memberships.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.UserId)).ToListAsync(ct);
        var roleClaims = (await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == PermissionClaim.Type).Select(c => new { c.RoleId, c.ClaimValue }).ToListAsync(ct))
            .ToLookup(c => c.RoleId, c => c.ClaimValue!);
        var userRoles = await db.UserRoles.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.UserId)).ToListAsync(ct);
        var userClaims = await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == PermissionClaim.Type && EF.Parameter(ids).Contains(c.UserId)).ToListAsync(ct);
        var permissions = ids.ToDictionary(id => id, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var r in userRoles) permissions[r.UserId].UnionWith(roleClaims[r.RoleId]);
        foreach (var c in userClaims) permissions[c.UserId].Add(c.ClaimValue!);

        var importRole = await db.Roles.AsNoTracking().Where(r => r.Name == BuiltInRoles.Learner).Select(r => r.Id).FirstAsync(ct);
        return new RosterSnapshot
        {
            Tree = new UnitTree(units),
            People = people,
            Memberships = memberships.ToLookup(m => m.UserId),
            Permissions = permissions,
            ImportRoleId = importRole,
            GrantedOnImport = roleClaims[importRole].ToHashSet(StringComparer.Ordinal),
        };
    }

    public ExistingPerson Describe(TrainingUser user) =>
        new(user.Id, user.PrimaryUnitId, user.ScopeUnitId, Permissions.GetValueOrDefault(user.Id) ?? []);
}
