using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Audiences;
using Training.Organisation.Data;

namespace Training.Organisation.Audiences;

/// <summary>Current stays of some people in some audiences, in one query (the partial unique index on current stays
/// serves it).</summary>
internal sealed class AudienceMembershipQuery(OrganisationDbContext db) : IAudienceMembership
{
    public async Task<IReadOnlyList<AudienceStay>> GetCurrentStaysAsync(IReadOnlyCollection<Guid> audienceIds, IReadOnlyCollection<string> userIds,
        CancellationToken ct = default)
    {
        if (audienceIds.Count == 0 || userIds.Count == 0) return [];
        return await (from m in db.AudienceMembers.AsNoTracking()
                      join a in db.Audiences.AsNoTracking() on m.AudienceId equals a.Id
                      where m.LeftOn == null && audienceIds.Contains(m.AudienceId) && userIds.Contains(m.UserId)
                      orderby m.JoinedOn, a.Name
                      select new AudienceStay(m.AudienceId, a.Name, m.UserId, m.JoinedOn)).ToListAsync(ct);
    }
}
