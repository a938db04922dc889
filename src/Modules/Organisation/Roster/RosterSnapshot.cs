using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>What the planner needs from the database, read in a fixed handful of queries without tracking and outside
/// any transaction: the unit tree, the people a file could match (by staff code, e-mail or user name), their
/// memberships and permissions, and the role an import grants. People are read as a narrow projection
/// (<see cref="KnownPerson"/>), and permissions only for those holding more than the role an import grants: everybody
/// else can hold nothing the authority rule refuses (issue 11).</summary>
internal sealed class RosterSnapshot
{
    public required UnitTree Tree { get; init; }
    public required List<KnownPerson> People { get; init; }
    public required ILookup<string, UnitMembership> Memberships { get; init; }
    public required Dictionary<string, HashSet<string>> Permissions { get; init; }
    public required string ImportRoleId { get; init; }
    public required IReadOnlySet<string> GrantedOnImport { get; init; }

    public static async Task<RosterSnapshot> LoadAsync(OrganisationDbContext db, ILookupNormalizer normalizer, IReadOnlyList<RosterRow> rows, RosterTimings timings, CancellationToken ct)
    {
        var codes = rows.Select(r => r.StaffCode.ToUpperInvariant()).Distinct().ToList();
        var names = rows.Select(r => normalizer.NormalizeName(r.StaffCode)).Distinct().ToList();
        var emails = rows.Where(r => r.Email is not null).Select(r => normalizer.NormalizeEmail(r.Email)!).Distinct().ToList();

        var watch = Stopwatch.StartNew();
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        // One query with one array parameter per list (json_each on SQLite, = ANY on PostgreSQL), never one per row.
        // EF.Parameter keeps each list one parameter: EF Core 10 otherwise expands it into one parameter per value.
        var people = await db.Users.AsNoTracking()
            .Where(u => EF.Parameter(codes).Contains(u.StaffCode.ToUpper())
                || (u.NormalizedEmail != null && EF.Parameter(emails).Contains(u.NormalizedEmail))
                || (u.NormalizedUserName != null && EF.Parameter(names).Contains(u.NormalizedUserName)))
            .Select(u => new KnownPerson(u.Id, u.StaffCode, u.Email, u.NormalizedEmail, u.NormalizedUserName, u.FullName, u.Position,
                u.StaffCategory, u.PrimaryUnitId, u.ScopeUnitId, u.SecurityStamp, u.ConcurrencyStamp))
            .ToListAsync(ct);
        timings.LoadPeople += watch.Elapsed;
        var ids = people.Select(u => u.Id).ToList();

        var memberships = await db.Memberships.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.UserId)).ToListAsync(ct);
        var roleClaims = (await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == PermissionClaim.Type).Select(c => new { c.RoleId, c.ClaimValue }).ToListAsync(ct))
            .ToLookup(c => c.RoleId, c => c.ClaimValue!);
        var importRole = await db.Roles.AsNoTracking().Where(r => r.Name == BuiltInRoles.Learner).Select(r => r.Id).FirstAsync(ct);
        // The import role's permissions are granted to everyone imported, so the rule never refuses for them: only
        // other roles and permission claims are read (a handful of people, not one set per member of staff).
        var userRoles = await db.UserRoles.AsNoTracking().Where(r => r.RoleId != importRole && EF.Parameter(ids).Contains(r.UserId))
            .Select(r => new { r.UserId, r.RoleId }).ToListAsync(ct);
        var userClaims = await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == PermissionClaim.Type && EF.Parameter(ids).Contains(c.UserId))
            .Select(c => new { c.UserId, c.ClaimValue }).ToListAsync(ct);
        var permissions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Of(string id) => permissions.TryGetValue(id, out var set) ? set : permissions[id] = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in userRoles) Of(r.UserId).UnionWith(roleClaims[r.RoleId]);
        foreach (var c in userClaims) Of(c.UserId).Add(c.ClaimValue!);

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

    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public ExistingPerson Describe(KnownPerson person) =>
        new(person.Id, person.PrimaryUnitId, person.ScopeUnitId, Permissions.GetValueOrDefault(person.Id) ?? None);
}
