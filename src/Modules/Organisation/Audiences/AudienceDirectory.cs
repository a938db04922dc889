using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Audiences;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;

namespace Training.Organisation.Audiences;

internal sealed class AudienceDirectory(OrganisationDbContext db) : IAudienceDirectory
{
    public async Task<IReadOnlyList<AudienceInfo>> GetAudiencesAsync(UnitScope scope, CancellationToken ct = default)
    {
        var audiences = await db.Audiences.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var sizes = await SizesAsync(ct);
        return audiences.Where(a => InScope(a, scope))
            .Select(a => new AudienceInfo(a.Id, a.Name, a.StartsOn, a.UnitIds, sizes.GetValueOrDefault(a.Id))).ToList();
    }

    public async Task<AudienceInfo?> GetAudienceAsync(Guid audienceId, CancellationToken ct = default)
    {
        var a = await db.Audiences.AsNoTracking().FirstOrDefaultAsync(x => x.Id == audienceId, ct);
        if (a is null) return null;
        var size = await db.AudienceMembers.CountAsync(m => m.AudienceId == audienceId && m.LeftOn == null, ct);
        return new AudienceInfo(a.Id, a.Name, a.StartsOn, a.UnitIds, size);
    }

    public async Task<IReadOnlyList<AudienceJoiner>> GetMembersAsync(Guid audienceId, CancellationToken ct = default) =>
        await (from m in db.AudienceMembers.AsNoTracking()
               join u in db.Users.AsNoTracking() on m.UserId equals u.Id
               where m.AudienceId == audienceId && m.LeftOn == null
               select new { m.UserId, u.CreatedAt })
            .AsAsyncEnumerable().Select(x => new AudienceJoiner(x.UserId, Platform.Time.VietnamClock.DateOf(x.CreatedAt))).ToListAsync(ct);

    /// <summary>Current members per audience, counted in the database.</summary>
    public async Task<Dictionary<Guid, int>> SizesAsync(CancellationToken ct) =>
        await db.AudienceMembers.AsNoTracking().Where(m => m.LeftOn == null).GroupBy(m => m.AudienceId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>An audience is in a scope when every unit of its rule is.</summary>
    public static bool InScope(Audience a, UnitScope scope) => scope.All || (a.UnitIds.Count > 0 && a.UnitIds.All(u => scope.Contains(u)));
}
