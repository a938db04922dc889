using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Cluster;
using Training.Platform.Time;

namespace Training.Platform.Storage;

/// <summary>Runs <see cref="BlobSweeper"/> every night at 03:00 (Vietnam) on one node of the cluster, unless
/// <c>Storage:Sweep</c> is false. Not at start-up: nothing is urgent about an orphan, and a restart loop must not sweep.</summary>
public sealed class BlobSweepJob(IServiceScopeFactory scopes, IOptions<StorageOptions> options, TimeProvider clock, ILogger<BlobSweepJob> log) : ISingletonJob
{
    public string Name => "platform.blobs.sweep";

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, ct);
            if (!options.Value.Sweep) continue;
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<BlobSweeper>().SweepAsync(dryRun: false, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The blob sweep failed; it runs again at the next 03:00.");
            }
        }
    }

    /// <summary>Time from <paramref name="now"/> to the next 03:00 in Vietnam.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now) => VietnamClock.UntilNext(now, 3);
}
