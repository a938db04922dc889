using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Brings the status rows of some people up to date: reads their roster entries and certificate histories
/// (through the contracts), derives the rows with <see cref="StatusRules"/> and writes only the difference. Reading the
/// truth rather than applying the event's content is what makes handlers idempotent and order-free: a redelivered
/// event finds nothing to change, an event that arrives late finds the later certificate already in the history.</summary>
public sealed class StatusRefresher(ReportingDbContext db, IServiceProvider services, TimeProvider clock, CoverMaintenance cover)
{
    /// <summary>Returns how many rows were added, changed or removed.</summary>
    public async Task<int> RefreshAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return 0;
        var people = (await services.GetRequiredService<IActivePeople>().GetActivePeopleAsync(ids, ct)).ToDictionary(p => p.UserId, StringComparer.Ordinal);
        var facts = services.GetService<ICertificateHistory>() is { } history
            ? (await history.GetFactsOfPeopleAsync(ids, ct)).ToLookup(f => f.UserId, StringComparer.Ordinal)
            : Array.Empty<CertificateFact>().ToLookup(f => f.UserId);
        var now = clock.GetUtcNow();
        var staff = ids.SelectMany(id => StatusRules.Staff(people.GetValueOrDefault(id), now)).ToList();
        var statuses = ids.SelectMany(id => StatusRules.Statuses(people.GetValueOrDefault(id), facts[id], now)).ToList();
        // Depths of the posts of people with several, against the tree the cover tables were built for.
        var builtAt = await cover.BuiltAtAsync(ct);
        var several = staff.Where(s => s.Posts > 1).ToList();
        if (several.Count > 0) CoverDepths.AssignAll(several, await cover.TreeAsync(several.Select(s => s.UnitId).ToList(), ct));

        var oldStaff = await db.Staff.Where(s => ids.Contains(s.UserId)).ToListAsync(ct);
        var oldStatuses = await db.PersonStatuses.Where(s => ids.Contains(s.UserId)).ToListAsync(ct);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var changes = Merge(db.Staff, oldStaff, staff, s => (s.UserId, s.UnitId), s => s.UserId, changed,
            (a, b) => a.Category == b.Category && a.Posts == b.Posts && a.MinDepth == b.MinDepth && a.Shares == b.Shares,
            (a, b) => { a.Category = b.Category; a.Posts = b.Posts; a.MinDepth = b.MinDepth; a.Shares = b.Shares; a.UpdatedAt = b.UpdatedAt; });
        changes += Merge(db.PersonStatuses, oldStatuses, statuses, s => (s.UserId, s.ProgrammeId), s => s.UserId, changed,
            (a, b) => a.SameAs(b), (a, b) => db.Entry(a).CurrentValues.SetValues(b));
        if (changes > 0) await SaveAsync(changed, oldStaff.Concat(staff).Where(s => changed.Contains(s.UserId)).Select(s => s.UnitId).Distinct().ToList(), builtAt, ct);
        db.ChangeTracker.Clear();
        return changes;
    }

    /// <summary>Saves the rows and, in the same transaction, moves the changed people's part of the cover tables.</summary>
    private async Task SaveAsync(HashSet<string> users, List<Guid> units, DateTimeOffset? builtAt, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sets = await cover.BeforeAsync(users, builtAt, ct);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            if (builtAt is not null) await cover.AfterAsync(users, units, sets, ct);
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.AcceptAllChanges();
    }

    private static int Merge<T, TKey>(DbSet<T> set, List<T> current, List<T> wanted, Func<T, TKey> key, Func<T, string> user, HashSet<string> changed,
        Func<T, T, bool> same, Action<T, T> copy)
        where T : class where TKey : notnull
    {
        var byKey = current.ToDictionary(key);
        var changes = 0;
        foreach (var row in wanted)
        {
            if (!byKey.Remove(key(row), out var existing)) { set.Add(row); changes++; changed.Add(user(row)); }
            else if (!same(existing, row)) { copy(existing, row); changes++; changed.Add(user(row)); }
        }
        set.RemoveRange(byKey.Values);
        foreach (var row in byKey.Values) changed.Add(user(row));
        return changes + byKey.Count;
    }
}
