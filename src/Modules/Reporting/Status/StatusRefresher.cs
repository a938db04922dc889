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
public sealed class StatusRefresher(ReportingDbContext db, IServiceProvider services, TimeProvider clock)
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

        var oldStaff = await db.Staff.Where(s => ids.Contains(s.UserId)).ToListAsync(ct);
        var oldStatuses = await db.PersonStatuses.Where(s => ids.Contains(s.UserId)).ToListAsync(ct);
        var changes = Merge(db.Staff, oldStaff, staff, s => (s.UserId, s.UnitId),
            (a, b) => a.Category == b.Category && a.Posts == b.Posts, (a, b) => { a.Category = b.Category; a.Posts = b.Posts; a.UpdatedAt = b.UpdatedAt; });
        changes += Merge(db.PersonStatuses, oldStatuses, statuses, s => (s.UserId, s.ProgrammeId),
            (a, b) => a.SameAs(b), (a, b) => db.Entry(a).CurrentValues.SetValues(b));
        if (changes > 0) await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return changes;
    }

    private static int Merge<T, TKey>(DbSet<T> set, List<T> current, List<T> wanted, Func<T, TKey> key, Func<T, T, bool> same, Action<T, T> copy)
        where T : class where TKey : notnull
    {
        var byKey = current.ToDictionary(key);
        var changes = 0;
        foreach (var row in wanted)
        {
            if (!byKey.Remove(key(row), out var existing)) { set.Add(row); changes++; }
            else if (!same(existing, row)) { copy(existing, row); changes++; }
        }
        set.RemoveRange(byKey.Values);
        return changes + byKey.Count;
    }
}
