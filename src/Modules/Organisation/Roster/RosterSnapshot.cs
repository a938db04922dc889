using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>What the planner needs from the database whatever the file's size, read once per attempt without
/// tracking and outside any transaction: the unit tree (bounded by the organisation, not by staff), the permissions of
/// every role, and the role an import grants. The people a batch of rows names are read per batch
/// (<see cref="RosterPeople"/>), so nothing here grows with the file (issue 11).</summary>
internal sealed class RosterSnapshot
{
    public required UnitTree Tree { get; init; }
    public required ILookup<string, string> RoleClaims { get; init; }
    public required string ImportRoleId { get; init; }
    public required IReadOnlySet<string> GrantedOnImport { get; init; }

    public static async Task<RosterSnapshot> LoadAsync(OrganisationDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var roleClaims = (await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == PermissionClaim.Type).Select(c => new { c.RoleId, c.ClaimValue }).ToListAsync(ct))
            .ToLookup(c => c.RoleId, c => c.ClaimValue!);
        var importRole = await db.Roles.AsNoTracking().Where(r => r.Name == BuiltInRoles.Learner).Select(r => r.Id).FirstAsync(ct);
        return new RosterSnapshot
        {
            Tree = new UnitTree(units),
            RoleClaims = roleClaims,
            ImportRoleId = importRole,
            GrantedOnImport = roleClaims[importRole].ToHashSet(StringComparer.Ordinal),
        };
    }
}

/// <summary>The people one batch of rows names (by staff code or e-mail, as <see cref="RosterStage.MatchAsync"/> found
/// them, read through a subquery over the staging table), as a narrow projection (<see cref="KnownPerson"/>), with their memberships, and permissions only for those
/// holding more than the role an import grants: everybody else can hold nothing the authority rule refuses.</summary>
internal sealed class RosterPeople
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public required Dictionary<string, KnownPerson> ById { get; init; }
    public required ILookup<string, UnitMembership> Memberships { get; init; }
    public required Dictionary<string, HashSet<string>> Permissions { get; init; }

    /// <param name="ids">SQL selecting the ids of the people (a subquery over the staging table): no list of ids is
    /// built, serialised into a parameter or held, and every lookup is by primary key.</param>
    public static async Task<RosterPeople> LoadAsync(OrganisationDbContext db, RosterSnapshot snapshot, string ids, RosterTimings timings, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var people = await Matching(db.Users, "Id", ids).AsNoTracking()
            .Select(u => new KnownPerson(u.Id, u.StaffCode, u.Email, u.NormalizedEmail, u.NormalizedUserName, u.FullName, u.Position,
                u.StaffCategory, u.PrimaryUnitId, u.ScopeUnitId, u.SecurityStamp, u.ConcurrencyStamp))
            .ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, ct);
        timings.LoadPeople += watch.Elapsed;

        var memberships = await Matching(db.Memberships, nameof(UnitMembership.UserId), ids).AsNoTracking().ToListAsync(ct);
        var importRole = snapshot.ImportRoleId;
        var userRoles = await Matching(db.UserRoles, "UserId", ids).AsNoTracking().Where(r => r.RoleId != importRole)
            .Select(r => new { r.UserId, r.RoleId }).ToListAsync(ct);
        var userClaims = await Matching(db.UserClaims, "UserId", ids).AsNoTracking().Where(c => c.ClaimType == PermissionClaim.Type)
            .Select(c => new { c.UserId, c.ClaimValue }).ToListAsync(ct);
        var permissions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Of(string id) => permissions.TryGetValue(id, out var set) ? set : permissions[id] = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in userRoles) Of(r.UserId).UnionWith(snapshot.RoleClaims[r.RoleId]);
        foreach (var c in userClaims) Of(c.UserId).Add(c.ClaimValue!);
        return new RosterPeople { ById = people, Memberships = memberships.ToLookup(m => m.UserId), Permissions = permissions };
    }

    /// <summary>The rows of an entity's table whose <paramref name="column"/> is among <paramref name="ids"/>; EF composes
    /// the projection and filters over it. The SQL holds no user input: table and column names from the model, ids
    /// from the staging table.</summary>
    private static IQueryable<T> Matching<T>(DbSet<T> set, string column, string ids) where T : class
    {
        var entity = set.EntityType;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var name = entity.FindProperty(column)!.GetColumnName(table);
        var sql = $"SELECT * FROM {StagingTable.Quote(table.Name)} WHERE {StagingTable.Quote(name!)} IN ({ids})";
        return set.FromSqlRaw(sql);
    }

    public ExistingPerson Describe(KnownPerson person) =>
        new(person.Id, person.PrimaryUnitId, person.ScopeUnitId, Permissions.GetValueOrDefault(person.Id) ?? None);
}
