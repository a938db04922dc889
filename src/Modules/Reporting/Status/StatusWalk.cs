using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>How many people a walk checked and how many status rows it had to correct.</summary>
public readonly record struct WalkTotals(int People, int Corrected)
{
    public static WalkTotals operator +(WalkTotals a, WalkTotals b) => new(a.People + b.People, a.Corrected + b.Corrected);
}

/// <summary>Refreshes people through <see cref="StatusRefresher"/> in batches of <see cref="BatchSize"/>, each in its own
/// scope (a fresh DbContext, nothing kept between batches) and its own short write, so memory and the SQLite write lock
/// stay bounded whatever the size: used by the daily re-sync (everyone) and by roster changes (the people named).</summary>
public sealed class StatusWalk(IServiceScopeFactory scopes)
{
    public const int BatchSize = 2_000;

    /// <summary>Refreshes these people, batch by batch.</summary>
    public async Task<WalkTotals> RefreshAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var totals = new WalkTotals();
        foreach (var batch in userIds.Distinct(StringComparer.Ordinal).Chunk(BatchSize)) totals += await RefreshBatchAsync(batch, ct);
        return totals;
    }

    /// <summary>Refreshes everybody: every id in the roster (keyset pages of <see cref="IRosterKeys"/>) and every id that
    /// has rows in Reporting's status tables, so rows of a person the roster no longer knows are removed too. Reporting's
    /// ids are read in the same key range as each roster page (both compared by the same database), so a person is
    /// checked once and nothing is held beyond a page.</summary>
    public async Task<WalkTotals> RefreshEveryoneAsync(CancellationToken ct)
    {
        var totals = new WalkTotals();
        string? after = null;
        while (true)
        {
            var roster = await InScopeAsync(sp => sp.GetRequiredService<IRosterKeys>().GetUserIdsAfterAsync(after, BatchSize, ct));
            // The roster's last page also covers every mirrored id beyond its end.
            var upTo = roster.Count == BatchSize ? roster[^1] : null;
            if (roster.Count > 0) totals += await RefreshBatchAsync(roster, ct);
            totals += await RefreshUnlistedAsync(after, upTo, roster.ToHashSet(StringComparer.Ordinal), ct);
            if (upTo is null) return totals;
            after = upTo;
        }
    }

    /// <summary>People with status rows in (<paramref name="after"/>, <paramref name="upTo"/>] that the roster page did not name.</summary>
    private async Task<WalkTotals> RefreshUnlistedAsync(string? after, string? upTo, HashSet<string> listed, CancellationToken ct)
    {
        var totals = new WalkTotals();
        for (var from = after; ;)
        {
            var page = await InScopeAsync(sp => MirroredIdsAsync(sp.GetRequiredService<ReportingDbContext>(), from, upTo, ct));
            var unlisted = page.Where(id => !listed.Contains(id)).ToList();
            if (unlisted.Count > 0) totals += await RefreshBatchAsync(unlisted, ct);
            if (page.Count < BatchSize) return totals;
            from = page[^1];
        }
    }

    private static Task<List<string>> MirroredIdsAsync(ReportingDbContext db, string? after, string? upTo, CancellationToken ct)
    {
        var ids = db.Staff.Select(s => s.UserId).Union(db.PersonStatuses.Select(s => s.UserId));
        if (after is not null) ids = ids.Where(id => string.Compare(id, after) > 0);
        if (upTo is not null) ids = ids.Where(id => string.Compare(id, upTo) <= 0);
        return ids.OrderBy(id => id).Take(BatchSize).ToListAsync(ct);
    }

    /// <summary>One batch in a fresh scope. An event handler refreshing one of these people at the same moment may insert
    /// the same row first (a key conflict): the batch is read again and retried, and then finds what it wanted.</summary>
    private async Task<WalkTotals> RefreshBatchAsync(IReadOnlyCollection<string> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var corrected = await InScopeAsync(sp => sp.GetRequiredService<StatusRefresher>().RefreshAsync(batch, ct));
                return new WalkTotals(batch.Count, corrected);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = scopes.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
