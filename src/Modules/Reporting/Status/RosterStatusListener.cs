using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Events;
using Training.Abstractions.Organisation;
using Training.Platform.Outbox;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Turns a roster change into <see cref="StaffChanged"/> messages in Reporting's outbox, so the refresh runs
/// once (one node), is retried when it fails and never slows the import that called it. A large change is split into
/// messages of <see cref="StatusWalk.BatchSize"/> people: each is refreshed and retried on its own, with bounded memory,
/// however many people changed (a national import of millions included).</summary>
internal sealed class RosterStatusListener(IServiceScopeFactory scopes, TimeProvider clock) : IRosterChangeListener
{
    /// <summary>Messages written per save, so the enqueue of a huge change does not track everything at once.</summary>
    private const int MessagesPerSave = 50;

    public async Task PeopleChangedAsync(IReadOnlyCollection<string> userIds, string source, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        // Nobody named: the caller cannot tell who changed, so everyone is re-checked (one message, walked in batches).
        IEnumerable<string[]> batches = userIds.Count == 0 ? [[]] : userIds.Distinct(StringComparer.Ordinal).Chunk(StatusWalk.BatchSize);
        var pending = 0;
        foreach (var batch in batches)
        {
            db.Enqueue(new StaffChanged(Guid.NewGuid(), clock.GetUtcNow(), batch, source));
            if (++pending < MessagesPerSave) continue;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            pending = 0;
        }
        if (pending > 0) await db.SaveChangesAsync(ct);
    }
}

/// <summary>Refreshes the people a <see cref="StaffChanged"/> names (in batches, for messages written before they were
/// split), or everyone, batch by batch, when it names nobody.</summary>
internal sealed class StaffChangedHandler(StatusWalk walk) : IDomainEventHandler<StaffChanged>
{
    public async Task HandleAsync(StaffChanged e, CancellationToken ct)
    {
        if (e.UserIds.Count == 0) await walk.RefreshEveryoneAsync(ct);
        else await walk.RefreshAsync(e.UserIds, ct);
    }
}
