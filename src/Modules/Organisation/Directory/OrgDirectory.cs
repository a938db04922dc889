using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;

namespace Training.Organisation.Directory;

internal sealed class OrgDirectory(OrganisationDbContext db) : IOrgDirectory, IStaffLookup, IActivePeople
{
    public async Task<IReadOnlyList<PersonInfo>> GetActivePeopleAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? [] : await LoadAsync(db.Users.Where(u => u.IsActive && ids.Contains(u.Id)), ct);
    }

    public async Task<PersonInfo?> FindByStaffCodeAsync(string staffCode, CancellationToken ct = default) =>
        (await LoadAsync(db.Users.Where(u => u.StaffCode == staffCode), ct)).FirstOrDefault();

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
            // An uncorrelated "Id IN (members of the subtree)": the database builds the member set once. The correlated
            // EXISTS it replaces made SQLite re-run the subtree's path match for every person (seconds at 100,000 staff).
            var unitIds = db.Units.Where(u => u.Path.StartsWith(root)).Select(u => u.Id);
            var members = db.Memberships.Where(m => unitIds.Contains(m.UnitId)).Select(m => m.UserId);
            users = users.Where(u => members.Contains(u.Id));
        }
        if (query.StaffCategories is { Count: > 0 } categories)
        {
            users = users.Where(u => u.StaffCategory != null && categories.Contains(u.StaffCategory));
        }
        return await LoadAsync(users, ct);
    }

    /// <summary>The people with all of their memberships (also those outside a requested subtree) in one streamed query:
    /// each person joined to their memberships and primary unit, grouped here. No list of ids goes out as parameters
    /// (SQLite allows at most 32,766 of them) and no query runs per person.</summary>
    private async Task<List<PersonInfo>> LoadAsync(IQueryable<TrainingUser> users, CancellationToken ct)
    {
        var rows = from u in users.AsNoTracking()
                   join m in db.Memberships.AsNoTracking() on u.Id equals m.UserId into memberships
                   from m in memberships.DefaultIfEmpty()
                   join p in db.Units.AsNoTracking() on u.PrimaryUnitId equals p.Id into primaries
                   from p in primaries.DefaultIfEmpty()
                   select new { u.Id, u.FullName, u.StaffCode, u.Email, u.PrimaryUnitId, u.Position, u.StaffCategory, UnitId = (Guid?)m!.UnitId, UnitName = p!.Name };
        var people = new List<PersonInfo>();
        var unitsOf = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        var unitNames = new Dictionary<Guid, string>(); // one string per unit, not one per person
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!unitsOf.TryGetValue(r.Id, out var units))
            {
                unitsOf[r.Id] = units = new List<Guid>(1);
                string? unitName = null;
                if (r.PrimaryUnitId is { } primary && r.UnitName is { } name && !unitNames.TryGetValue(primary, out unitName))
                    unitNames[primary] = unitName = name;
                people.Add(new PersonInfo(r.Id, r.FullName, r.StaffCode, r.Email, r.PrimaryUnitId, unitName, r.Position, r.StaffCategory, units));
            }
            if (r.UnitId is { } unit) units.Add(unit);
        }
        return people;
    }
}
