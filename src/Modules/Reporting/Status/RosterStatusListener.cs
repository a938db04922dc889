using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Events;
using Training.Abstractions.Organisation;
using Training.Platform.Outbox;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Turns a roster change into a <see cref="StaffChanged"/> message in Reporting's outbox, so the refresh runs
/// once (one node), is retried when it fails and never slows the import that called it.</summary>
internal sealed class RosterStatusListener(IServiceScopeFactory scopes, TimeProvider clock) : IRosterChangeListener
{
    /// <summary>Beyond this many people a change refreshes everybody: one set-based rebuild beats thousands of lookups.</summary>
    public const int MaxNamed = 5_000;

    public async Task PeopleChangedAsync(IReadOnlyCollection<string> userIds, string source, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        db.Enqueue(new StaffChanged(Guid.NewGuid(), clock.GetUtcNow(), userIds.Count > MaxNamed ? [] : [.. userIds], source));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Refreshes the people a <see cref="StaffChanged"/> names, or rebuilds both tables when it names nobody.</summary>
internal sealed class StaffChangedHandler(StatusRefresher refresher, PersonStatusBackfill backfill) : IDomainEventHandler<StaffChanged>
{
    public async Task HandleAsync(StaffChanged e, CancellationToken ct)
    {
        if (e.UserIds.Count == 0) await backfill.RebuildAsync(ct);
        else await refresher.RefreshAsync(e.UserIds, ct);
    }
}
