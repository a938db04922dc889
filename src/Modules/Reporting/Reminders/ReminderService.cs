using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Cluster;
using Training.Reporting.Coverage;
using Training.Platform.Time;

namespace Training.Reporting.Reminders;

/// <summary>Scans for reminders once at start, then every day at the configured local hour (clock injected). A singleton
/// job: with several nodes one of them scans (the scan is idempotent, but N scans would be N times the work); when it
/// dies another takes over and scans at once.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderService> log)
    : ISingletonJob
{
    public string Name => "reporting:reminders";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var scanner = scope.ServiceProvider.GetRequiredService<ReminderScanner>();
                var today = clock.Today();
                var created = await scanner.ScanAsync(today, stoppingToken);
                if (created > 0) log.LogInformation("Reminder scan created {Count} notifications", created);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Reminder scan failed; next attempt at the next scheduled time");
            }
            try
            {
                await Task.Delay(UntilNextRun(), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan UntilNextRun() => VietnamClock.UntilNext(clock.GetUtcNow(), options.Value.HourOfDay);
}
