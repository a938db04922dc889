using Microsoft.Extensions.Logging;
using Training.Abstractions.Cluster;
using Training.Platform.Time;

namespace Training.Reporting.Heads;

/// <summary>A singleton job that runs once at start and then every day at a local (UTC+7) hour on the injected clock.
/// Each run must be idempotent: a restart or a second node runs it again.</summary>
public abstract class DailyJob(TimeProvider clock, ILogger log) : ISingletonJob
{
    public abstract string Name { get; }

    protected abstract bool Enabled { get; }

    protected abstract int HourOfDay { get; }

    /// <summary>One run; returns how many messages it sent.</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken ct = default);

    public async Task RunAsync(CancellationToken ct)
    {
        if (!Enabled) return;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var sent = await RunOnceAsync(ct);
                if (sent > 0) log.LogInformation("{Job} sent {Count} messages", Name, sent);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "{Job} failed; next attempt at the next scheduled time", Name);
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

    private TimeSpan UntilNextRun() => VietnamClock.UntilNext(clock.GetUtcNow(), HourOfDay);
}
