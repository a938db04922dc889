using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;

namespace Training.Organisation.Heads;

/// <summary>Unit heads from two sources: an active person whose position is a head's (<see cref="HeadPositions"/>) heads
/// their primary unit; an explicit assignment (not ended) makes its person head of its unit.</summary>
internal sealed class UnitHeadDirectory(OrganisationDbContext db, IOptions<HeadPositions> positions) : IUnitHeadDirectory
{
    public async Task<IReadOnlyList<Guid>> UnitsHeadedByAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Position, u.PrimaryUnitId }).FirstOrDefaultAsync(ct);
        if (user is null) return [];
        var units = await db.UnitHeads.AsNoTracking().Where(h => h.UserId == userId && h.EndedAt == null)
            .Select(h => h.UnitId).ToListAsync(ct);
        if (user.PrimaryUnitId is { } primary && positions.Value.IsHead(user.Position)) units.Add(primary);
        // A unit inside another unit the person heads adds nothing: the subtree already contains it.
        var paths = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        return paths.Where(p => !paths.Any(o => o.Id != p.Id && p.Path.StartsWith(o.Path, StringComparison.Ordinal)))
            .OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => p.Id).ToList();
    }

    public async Task<IReadOnlyList<string>> HeadsOfPersonAsync(string userId, CancellationToken ct = default)
    {
        var primary = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PrimaryUnitId).FirstOrDefaultAsync(ct);
        if (primary is null) return [];
        var path = await db.Units.AsNoTracking().Where(u => u.Id == primary).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null) return [];
        // "/root/…/unit/": nearest unit last, so reverse it.
        var chain = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Reverse().ToList();
        var heads = await HeadsOfUnitsAsync(chain, ct);
        foreach (var unit in chain)
        {
            // A head is not their own head: a head's report goes to the head of the unit above.
            var found = heads.Where(h => h.UnitId == unit && h.UserId != userId).Select(h => h.UserId).Distinct().ToList();
            if (found.Count > 0) return found;
        }
        return [];
    }

    public async Task<IReadOnlyList<UnitHeadInfo>> GetAllHeadsAsync(CancellationToken ct = default) => await HeadsOfUnitsAsync(null, ct);

    /// <summary>Heads of the given units (all units when null), explicit and by position, each pair once.</summary>
    private async Task<List<UnitHeadInfo>> HeadsOfUnitsAsync(IReadOnlyCollection<Guid>? unitIds, CancellationToken ct)
    {
        var explicitHeads = db.UnitHeads.AsNoTracking().Where(h => h.EndedAt == null)
            .Where(h => db.Users.Any(u => u.Id == h.UserId && u.IsActive));
        if (unitIds is not null) explicitHeads = explicitHeads.Where(h => unitIds.Contains(h.UnitId));
        var pairs = (await explicitHeads.Select(h => new { h.UserId, h.UnitId }).ToListAsync(ct)).Select(h => (h.UserId, h.UnitId)).ToList();

        var settings = positions.Value;
        foreach (var prefix in settings.QueryPrefixes())
        {
            var users = db.Users.AsNoTracking().Where(u => u.IsActive && u.PrimaryUnitId != null && u.Position != null && u.Position.StartsWith(prefix));
            if (unitIds is not null) users = users.Where(u => unitIds.Contains(u.PrimaryUnitId!.Value));
            var found = await users.Select(u => new { u.Id, u.Position, u.PrimaryUnitId }).ToListAsync(ct);
            pairs.AddRange(found.Where(u => settings.IsHead(u.Position)).Select(u => (u.Id, u.PrimaryUnitId!.Value)));
        }
        var distinct = pairs.Distinct().ToList();
        var ids = distinct.Select(p => p.Item2).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return distinct.Where(p => names.ContainsKey(p.Item2))
            .Select(p => new UnitHeadInfo(p.Item1, p.Item2, names[p.Item2]))
            .OrderBy(h => h.UnitName, StringComparer.Ordinal).ThenBy(h => h.UserId, StringComparer.Ordinal).ToList();
    }
}
