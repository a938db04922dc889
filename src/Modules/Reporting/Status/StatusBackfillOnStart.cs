using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Fills the status tables once, after the first start that has them empty (an upgrade over existing data, or
/// a demo just seeded): from then on events keep them. Waits for the site to have started, so migrations and demo
/// seeding are done. Two nodes starting at once may both rebuild; each rebuild replaces the tables in one transaction,
/// so the last one wins with the same rows.</summary>
public sealed class StatusBackfillOnStart(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<StatusBackfillOnStart> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
                await started.Task;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            if (await db.Staff.AnyAsync(stoppingToken) || await db.PersonStatuses.AnyAsync(stoppingToken)) return;
            var rows = await scope.ServiceProvider.GetRequiredService<PersonStatusBackfill>().RebuildAsync(stoppingToken);
            log.LogInformation("Reporting status rebuilt from the roster and the certificates: {Rows} rows", rows);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Rebuilding the reporting status failed; run the rebuild-reporting-status verb");
        }
    }
}
