using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;

namespace Training.Organisation.Directory;

internal sealed class OrgDirectory(OrganisationDbContext db) : IOrgDirectory
{
    public async Task<IReadOnlyList<OrgUnitInfo>> GetUnitsAsync(CancellationToken ct = default) =>
        await db.Units.AsNoTracking()
            .OrderBy(u => u.Depth).ThenBy(u => u.Name)
            .Select(u => new OrgUnitInfo(u.Id, u.ParentId, u.Code, u.Name, u.Kind, u.Depth))
            .ToListAsync(ct);

    public async Task<IReadOnlySet<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct = default)
    {
        var root = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (root is null) return new HashSet<Guid>();
        var ids = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(root)).Select(u => u.Id).ToListAsync(ct);
        return ids.ToHashSet();
    }

    public async Task<PersonInfo?> GetPersonAsync(string userId, CancellationToken ct = default) =>
        (await LoadAsync(db.Users.Where(u => u.Id == userId), ct)).FirstOrDefault();

    public async Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(PeopleQuery query, CancellationToken ct = default)
    {
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (query.UnitId is { } unitId)
        {
            var root = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
            if (root is null) return [];
            var unitIds = db.Units.Where(u => u.Path.StartsWith(root)).Select(u => u.Id);
            users = users.Where(u => db.Memberships.Any(m => m.UserId == u.Id && unitIds.Contains(m.UnitId)));
        }
        if (query.StaffCategories is { Count: > 0 } categories)
        {
            users = users.Where(u => u.StaffCategory != null && categories.Contains(u.StaffCategory));
        }
        return await LoadAsync(users, ct);
    }

    private async Task<List<PersonInfo>> LoadAsync(IQueryable<TrainingUser> users, CancellationToken ct)
    {
        var rows = await users.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.FullName, u.StaffCode, u.Email, u.PrimaryUnitId, u.Position, u.StaffCategory,
                UnitName = db.Units.Where(x => x.Id == u.PrimaryUnitId).Select(x => x.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // Memberships of the same people through a subquery, not a list of ids: a list becomes one SQL parameter per id
        // and SQLite allows at most 32,766 of them (an organisation of 100,000 staff).
        var memberships = rows.Count == 0
            ? []
            : await db.Memberships.AsNoTracking().Where(m => users.Any(u => u.Id == m.UserId)).Select(m => new { m.UserId, m.UnitId }).ToListAsync(ct);
        var byUser = memberships.ToLookup(m => m.UserId, m => m.UnitId);
        return rows.Select(r => new PersonInfo(r.Id, r.FullName, r.StaffCode, r.Email, r.PrimaryUnitId, r.UnitName,
            r.Position, r.StaffCategory, byUser[r.Id].ToList())).ToList();
    }
}
