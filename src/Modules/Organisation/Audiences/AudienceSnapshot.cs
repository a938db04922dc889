using Microsoft.EntityFrameworkCore;
using Training.Organisation.Data;
using Training.Platform.Time;

namespace Training.Organisation.Audiences;

/// <summary>What one evaluation reads, all before its write: the audiences, each unit's subtree, the people concerned
/// and the audiences' current members. Read in a handful of streamed queries (no query per person or per audience).</summary>
internal sealed class AudienceSnapshot
{
    public required List<Audience> Audiences { get; init; }
    public required Dictionary<Guid, HashSet<Guid>> Subtrees { get; init; }
    public required Dictionary<string, RosterPerson> People { get; init; }

    /// <summary>Current stays (not left) by audience, then user.</summary>
    public required Dictionary<Guid, Dictionary<string, AudienceMember>> Current { get; init; }

    /// <summary>Loads the snapshot; <paramref name="userIds"/> null means everybody.</summary>
    public static async Task<AudienceSnapshot> LoadAsync(OrganisationDbContext db, Guid? audienceId, IReadOnlyCollection<string>? userIds, CancellationToken ct)
    {
        var audiences = await db.Audiences.AsNoTracking().Where(a => audienceId == null || a.Id == audienceId).ToListAsync(ct);
        // No audience (most imports of a site that has none): nothing to read.
        if (audiences.Count == 0) return new AudienceSnapshot { Audiences = [], Subtrees = [], People = [], Current = [] };
        var subtrees = new Dictionary<Guid, HashSet<Guid>>();
        await foreach (var unit in db.Units.AsNoTracking().Select(u => new { u.Id, u.Path }).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Path is "/root/…/self/": the unit belongs to the subtree of every id on it.
            foreach (var part in unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Guid.TryParse(part, out var ancestor)) continue;
                if (!subtrees.TryGetValue(ancestor, out var set)) subtrees[ancestor] = set = [];
                set.Add(unit.Id);
            }
        }

        var users = db.Users.AsNoTracking();
        var memberships = db.Memberships.AsNoTracking();
        var members = db.AudienceMembers.AsNoTracking().Where(m => m.LeftOn == null && (audienceId == null || m.AudienceId == audienceId));
        if (userIds is not null)
        {
            users = users.Where(u => userIds.Contains(u.Id));
            memberships = memberships.Where(m => userIds.Contains(m.UserId));
            members = members.Where(m => userIds.Contains(m.UserId));
        }
        var unitsOf = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        await foreach (var m in memberships.Select(m => new { m.UserId, m.UnitId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!unitsOf.TryGetValue(m.UserId, out var list)) unitsOf[m.UserId] = list = new List<Guid>(1);
            list.Add(m.UnitId);
        }
        var people = new Dictionary<string, RosterPerson>(StringComparer.Ordinal);
        await foreach (var u in users.Select(u => new { u.Id, u.StaffCategory, u.Position, u.CreatedAt, u.IsActive, u.PrimaryUnitId })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var units = unitsOf.GetValueOrDefault(u.Id) ?? [];
            if (u.PrimaryUnitId is { } primary && !units.Contains(primary)) units.Add(primary);
            people[u.Id] = new RosterPerson(u.Id, u.StaffCategory, u.Position, VietnamClock.DateOf(u.CreatedAt), u.IsActive, units);
        }
        var current = audiences.ToDictionary(a => a.Id, _ => new Dictionary<string, AudienceMember>(StringComparer.Ordinal));
        await foreach (var m in members.AsAsyncEnumerable().WithCancellation(ct))
            if (current.TryGetValue(m.AudienceId, out var set)) set[m.UserId] = m;
        return new AudienceSnapshot { Audiences = audiences, Subtrees = subtrees, People = people, Current = current };
    }

    public AudienceRule RuleOf(Audience audience) => new(
        audience.UnitIds.SelectMany(u => Subtrees.GetValueOrDefault(u) ?? []).ToHashSet(),
        audience.Categories, audience.Positions, audience.JoinedWithinDays);
}
