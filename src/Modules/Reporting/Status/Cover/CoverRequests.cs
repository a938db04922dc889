using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Platform.Outbox;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Asks for a cover build in Reporting's outbox (<see cref="CoverSetsWanted"/>). The handler finds what is
/// missing itself, so a request when nothing is missing costs one read of the unit list.</summary>
internal static class CoverRequests
{
    private static readonly string TypeName = typeof(CoverSetsWanted).FullName!;

    /// <summary>Whether a request is written and not yet handled. Not a guard for a change that just happened: on
    /// SQLite a request being handled right now still looks waiting, and it may have read the tree before the change.</summary>
    public static Task<bool> WaitingAsync(ReportingDbContext db, CancellationToken ct) =>
        db.Outbox.AnyAsync(m => m.ProcessedAt == null && m.Type == TypeName, ct);

    /// <summary>Adds a request to the context, to be written with the caller's own changes (a target saved or deleted).</summary>
    public static void Enqueue(ReportingDbContext db, TimeProvider clock) => db.Enqueue(new CoverSetsWanted(Guid.NewGuid(), clock.GetUtcNow()));

    public static async Task RequestAsync(ReportingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        Enqueue(db, clock);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A roster import created units: the cover tables were built for the old tree, so the dashboards count from
/// the status rows (slow at national size) until a rebuild. Ask for it now instead of waiting for the nightly re-sync.</summary>
internal sealed class UnitTreeCoverListener(IServiceScopeFactory scopes, TimeProvider clock) : IUnitTreeListener
{
    public async Task UnitsChangedAsync(int created, string source, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        await CoverRequests.RequestAsync(scope.ServiceProvider.GetRequiredService<ReportingDbContext>(), clock, ct);
    }
}
