using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>Each target's loaded population and certificate history, kept in memory and refreshed in the background
/// (stale-while-revalidate). A request waits only for the very first load of a target (coalesced: concurrent requests
/// share it); afterwards it gets the latest loaded data at once, and data older than <see cref="ReportingOptions.CacheSeconds"/>
/// starts one background reload. <see cref="TargetDataWarmer"/> loads every measurable target at start, refreshes
/// entries as they age and drops those nobody asked for within <see cref="ReportingOptions.KeepSeconds"/>.</summary>
public sealed class TargetDataCache(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReportingOptions> options, ILogger<TargetDataCache> log)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, Entry> _entries = [];

    /// <summary>What the loaded data depends on; milestones only matter to the computed report.</summary>
    private readonly record struct Key(Guid TargetId, TargetKind Kind, Guid? UnitId, string Categories, string ProgrammeCodes)
    {
        public static Key Of(PlanTarget t) => new(t.Id, t.Kind, t.UnitId, t.Categories, t.ProgrammeCodes);
    }

    private sealed class Entry(PlanTarget target, Task<TargetData> current, DateTimeOffset loadedAt)
    {
        public PlanTarget Target = target;
        public Task<TargetData> Current = current;
        public DateTimeOffset LoadedAt = loadedAt;
        public DateTimeOffset LastUsed = loadedAt;
        public Task? Refreshing;
    }

    private TimeSpan Fresh => TimeSpan.FromSeconds(Math.Max(1, options.Value.CacheSeconds));

    public async Task<TargetData> GetAsync(PlanTarget target, CancellationToken ct = default)
    {
        Task<TargetData> current;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var entry = Touch(target, now);
            if (entry.Current.IsCompletedSuccessfully && now - entry.LoadedAt >= Fresh) StartRefresh(entry);
            current = entry.Current;
        }
        var data = await current.WaitAsync(ct);
        return data.For(target);
    }

    /// <summary>Loads a target that is not cached yet (start-up warm-up); cached ones are left to <see cref="RefreshDueAsync"/>.</summary>
    public Task WarmAsync(PlanTarget target)
    {
        lock (_gate) return Touch(target, clock.GetUtcNow()).Current;
    }

    /// <summary>Drops entries unused for <see cref="ReportingOptions.KeepSeconds"/> and reloads, one after the other, those older
    /// than <see cref="ReportingOptions.CacheSeconds"/>, so a request finds fresh data without starting a reload itself.</summary>
    public async Task RefreshDueAsync(CancellationToken ct)
    {
        List<Entry> due = [];
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var keep = TimeSpan.FromSeconds(Math.Max(options.Value.KeepSeconds, options.Value.CacheSeconds));
            foreach (var (key, entry) in _entries.ToList())
            {
                if (now - entry.LastUsed >= keep) _entries.Remove(key);
                else if (entry.Current.IsCompletedSuccessfully && now - entry.LoadedAt >= Fresh) due.Add(entry);
            }
        }
        foreach (var entry in due)
        {
            ct.ThrowIfCancellationRequested();
            Task refresh;
            lock (_gate) refresh = StartRefresh(entry);
            await refresh;
        }
    }

    /// <summary>The entry of a target (created with a first load when missing or when its last load failed), marked as used.</summary>
    private Entry Touch(PlanTarget target, DateTimeOffset now)
    {
        var key = Key.Of(target);
        if (!_entries.TryGetValue(key, out var entry) || entry.Current.IsFaulted || entry.Current.IsCanceled)
            _entries[key] = entry = new Entry(target, Task.Run(() => LoadAsync(target)), now);
        entry.Target = target;
        entry.LastUsed = now;
        return entry;
    }

    /// <summary>One background reload per entry at a time; the entry keeps serving its current data meanwhile.</summary>
    private Task StartRefresh(Entry entry)
    {
        return entry.Refreshing ??= Task.Run(async () =>
        {
            try
            {
                var data = await LoadAsync(entry.Target);
                lock (_gate)
                {
                    entry.Current = Task.FromResult(data);
                    entry.LoadedAt = clock.GetUtcNow();
                }
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Refreshing the coverage data of target {Target} failed; the previous data stays in use", entry.Target.Id);
            }
            finally
            {
                lock (_gate) entry.Refreshing = null;
            }
        });
    }

    /// <summary>A load in its own scope: it outlives the request that may have started it.</summary>
    private async Task<TargetData> LoadAsync(PlanTarget target)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TargetDataLoader>().LoadFreshAsync(target, CancellationToken.None);
    }
}
