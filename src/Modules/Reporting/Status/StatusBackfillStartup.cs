using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Hosting;
using Training.Platform.Outbox;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Fills the status tables at the first start that finds them empty (an upgrade over existing data), after the
/// migrations and under the start-up lock, before the site serves: from then on events keep them current.</summary>
internal sealed class StatusBackfillStartup : IStartupTask
{
    public int Order => 400;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ReportingDbContext>();
        if (await db.Staff.AnyAsync(ct) || await db.PersonStatuses.AnyAsync(ct))
        {
            // An upgrade from before the cover tables: they are built in the background (minutes at national scale, so
            // not before serving); the dashboards count from the status rows meanwhile.
            if (!await db.CoverTrees.AnyAsync(ct) && !await CoverRequests.WaitingAsync(db, ct))
                await CoverRequests.RequestAsync(db, services.GetRequiredService<TimeProvider>(), ct);
            return;
        }
        var rows = await services.GetRequiredService<PersonStatusBackfill>().RebuildAsync(ct);
        if (rows > 0)
            services.GetRequiredService<ILogger<StatusBackfillStartup>>().LogInformation("Reporting status built from the roster and the certificates: {Rows} rows", rows);
    }
}

/// <summary>After the demo roster and certificates are seeded (they are written directly, without events), rebuilds the
/// status tables from them.</summary>
internal sealed class StatusDemoSeeder : IDemoSeeder
{
    public int Order => 45;

    public Task SeedAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<PersonStatusBackfill>().RebuildAsync(ct);
}
