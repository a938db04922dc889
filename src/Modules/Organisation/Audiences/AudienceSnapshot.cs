using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Training.Organisation.Data;
using Training.Platform.Time;

using Training.Organisation.Directory;

namespace Training.Organisation.Audiences;

/// <summary>A current stay, as much of it as an evaluation needs.</summary>
internal sealed record CurrentStay(Guid Id, Guid AudienceId, string UserId);

/// <summary>One batch of people with their current stays: everybody whose id falls in the batch's range (so a stay
/// whose person is no longer on the roster is in some batch too, and leaves).</summary>
internal sealed record PeopleBatch(Dictionary<string, RosterPerson> People, List<CurrentStay> Current);

/// <summary>What one evaluation reads before its write: the audiences and each unit's subtree, kept for the whole
/// evaluation (their size follows the units, not the staff), then the people and their current stays streamed in
/// batches by id, so memory stays flat whatever the roster's size (a handful of queries per batch, none per person).</summary>
internal sealed class AudienceSnapshot
{
    /// <summary>People per batch: large enough that the per-batch queries cost little, small enough to stay flat.</summary>
    public const int BatchSize = 10_000;

    public required List<Audience> Audiences { get; init; }
    public required Dictionary<Guid, HashSet<Guid>> Subtrees { get; init; }

    /// <summary>Loads the audiences (one, or every one) and the unit subtrees.</summary>
    public static async Task<AudienceSnapshot> LoadAsync(OrganisationDbContext db, Guid? audienceId, CancellationToken ct)
    {
        var audiences = await db.Audiences.AsNoTracking().Where(a => audienceId == null || a.Id == audienceId).ToListAsync(ct);
        // No audience (most imports of a site that has none): nothing more to read.
        if (audiences.Count == 0) return new AudienceSnapshot { Audiences = [], Subtrees = [] };
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
        return new AudienceSnapshot { Audiences = audiences, Subtrees = subtrees };
    }

    /// <summary>The people in batches: everybody by id ranges (keyset, in the database's own order, so every range
    /// query agrees with it), or only <paramref name="userIds"/> in one batch.</summary>
    public async IAsyncEnumerable<PeopleBatch> BatchesAsync(OrganisationDbContext db, IReadOnlyCollection<string>? userIds,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var audienceIds = Audiences.Select(a => a.Id).ToList();
        if (userIds is not null)
        {
            // One array parameter per query (EF.Parameter: EF Core 10 would otherwise expand it into one per value).
            foreach (var ids in userIds.Distinct(StringComparer.Ordinal).Chunk(BatchSize).Select(c => c.ToList()))
                yield return await ReadAsync(db.Users.Where(u => EF.Parameter(ids).Contains(u.Id)), db.Memberships.Where(m => EF.Parameter(ids).Contains(m.UserId)),
                    db.AudienceMembers.Where(m => EF.Parameter(ids).Contains(m.UserId)), audienceIds, ct);
            yield break;
        }
        string? lower = null;
        while (true)
        {
            var page = await new RosterKeys(db).GetUserIdsAfterAsync(lower, BatchSize, ct);
            // The last batch is open-ended, so stays of people no longer on the roster past the last id are read too.
            var upper = page.Count < BatchSize ? null : page[^1];
            var from = lower;
            yield return await ReadAsync(
                db.Users.Where(u => (from == null || string.Compare(u.Id, from) > 0) && (upper == null || string.Compare(u.Id, upper) <= 0)),
                db.Memberships.Where(m => (from == null || string.Compare(m.UserId, from) > 0) && (upper == null || string.Compare(m.UserId, upper) <= 0)),
                db.AudienceMembers.Where(m => (from == null || string.Compare(m.UserId, from) > 0) && (upper == null || string.Compare(m.UserId, upper) <= 0)),
                audienceIds, ct);
            if (upper is null) yield break;
            lower = upper;
        }
    }

    private static async Task<PeopleBatch> ReadAsync(IQueryable<TrainingUser> users, IQueryable<UnitMembership> memberships,
        IQueryable<AudienceMember> members, List<Guid> audienceIds, CancellationToken ct)
    {
        var unitsOf = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        await foreach (var m in memberships.AsNoTracking().Select(m => new { m.UserId, m.UnitId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!unitsOf.TryGetValue(m.UserId, out var list)) unitsOf[m.UserId] = list = new List<Guid>(1);
            list.Add(m.UnitId);
        }
        var people = new Dictionary<string, RosterPerson>(StringComparer.Ordinal);
        await foreach (var u in users.AsNoTracking().Select(u => new { u.Id, u.StaffCategory, u.Position, u.CreatedAt, u.IsActive, u.PrimaryUnitId })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var units = unitsOf.GetValueOrDefault(u.Id) ?? [];
            if (u.PrimaryUnitId is { } primary && !units.Contains(primary)) units.Add(primary);
            people[u.Id] = new RosterPerson(u.Id, u.StaffCategory, u.Position, VietnamClock.DateOf(u.CreatedAt), u.IsActive, units);
        }
        var current = await members.AsNoTracking().Where(m => m.LeftOn == null && audienceIds.Contains(m.AudienceId))
            .Select(m => new CurrentStay(m.Id, m.AudienceId, m.UserId)).ToListAsync(ct);
        return new PeopleBatch(people, current);
    }

    public AudienceRule RuleOf(Audience audience) => new(
        audience.UnitIds.SelectMany(u => Subtrees.GetValueOrDefault(u) ?? []).ToHashSet(),
        audience.Categories, audience.Positions, audience.JoinedWithinDays);
}
