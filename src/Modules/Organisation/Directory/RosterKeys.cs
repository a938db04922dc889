using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;

namespace Training.Organisation.Directory;

/// <summary>Pages through every user id in key order (the primary key's index: each page is one range scan).</summary>
internal sealed class RosterKeys(OrganisationDbContext db) : IRosterKeys
{
    public async Task<IReadOnlyList<string>> GetUserIdsAfterAsync(string? after, int take, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var users = db.Users.AsNoTracking();
        if (after is not null) users = users.Where(u => string.Compare(u.Id, after) > 0);
        return await users.OrderBy(u => u.Id).Select(u => u.Id).Take(take).ToListAsync(ct);
    }
}
