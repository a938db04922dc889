using Training.Abstractions.Events;

namespace Training.Reporting.Status;

/// <summary>Reporting's own outbox message, written with a saved target: build the cover tables of programme sets no
/// target had before (in the background: a national set takes tens of seconds), so the new target's dashboard reads
/// totals from then on instead of the status rows.</summary>
public sealed record CoverSetsWanted(Guid EventId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Builds the wanted sets that are missing, or everything when the unit tree changed since the last build
/// (the sets would otherwise be built for a tree the dashboards no longer use). Idempotent: a second delivery finds
/// everything current.</summary>
internal sealed class CoverSetsWantedHandler(CoverBuilder builder) : IDomainEventHandler<CoverSetsWanted>
{
    public Task HandleAsync(CoverSetsWanted e, CancellationToken ct) => builder.EnsureAsync(ct);
}
