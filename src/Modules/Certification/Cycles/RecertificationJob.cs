using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Cluster;
using Training.Platform.Time;

namespace Training.Certification.Cycles;

/// <summary>Runs <see cref="RecertificationScanner"/> on one node: once when it takes the lease, then every day at the
/// configured local hour. The clock is injected, so tests drive it with a fake one.</summary>
public sealed class RecertificationJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CertificationOptions> options,
    ILogger<RecertificationJob> log) : ISingletonJob
{
    public string Name => "certification-recertification";

    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.Recertification.Enabled) return;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var opened = await scope.ServiceProvider.GetRequiredService<RecertificationScanner>().ScanAsync(clock.Today(), ct);
                if (opened > 0) log.LogInformation("Recertification scan opened {Count} cycles", opened);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Recertification scan failed; next attempt at the next scheduled time");
            }
            try
            {
                await Task.Delay(UntilNextRun(), clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan UntilNextRun() => VietnamClock.UntilNext(clock.GetUtcNow(), options.Value.Recertification.HourOfDay);
}
