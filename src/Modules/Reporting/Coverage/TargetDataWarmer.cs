using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>Keeps <see cref="TargetDataCache"/> warm so that no HR user waits for a large organisation to load: once the
/// site has started (migrated and seeded), it loads every measurable target, then every <see cref="ReportingOptions.CacheSeconds"/>
/// reloads the entries that have aged. Does nothing when caching is off (CacheSeconds = 0).</summary>
public sealed class TargetDataWarmer(TargetDataCache cache, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock,
    IOptions<ReportingOptions> options, ILogger<TargetDataWarmer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CacheSeconds <= 0) return;
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
                await started.Task;
            if (options.Value.WarmOnStart) await WarmAllAsync(stoppingToken);
            var period = TimeSpan.FromSeconds(options.Value.CacheSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(period, clock, stoppingToken);
                await cache.RefreshDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            log.LogError(ex, "The reporting cache warmer stopped; dashboards load their data on first use");
        }
    }

    private async Task WarmAllAsync(CancellationToken ct)
    {
        List<PlanTarget> targets;
        using (var scope = scopes.CreateScope())
        {
            targets = await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Targets.AsNoTracking()
                .Where(t => t.Kind != TargetKind.NotMeasured && t.UnitId != null).ToListAsync(ct);
        }
        foreach (var target in targets)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await cache.WarmAsync(target);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Warming the coverage data of target {Target} failed", target.Id);
            }
        }
    }
}
