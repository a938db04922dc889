using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Cluster;

namespace Training.Platform.Cluster;

/// <summary>Runs each <see cref="ISingletonJob"/> on the one node that holds its lock. Nodes without it try again every
/// <see cref="RetryInterval"/>, so when the holder dies (its lock goes with its connection) another node starts the job
/// within that interval plus the time the server takes to notice. The holder checks its connection every
/// <see cref="CheckInterval"/> and stops the job when the lock may be lost.</summary>
public sealed class SingletonJobRunner(IEnumerable<ISingletonJob> jobs, IClusterLocks locks, NodeIdentity node, ILogger<SingletonJobRunner> log)
    : BackgroundService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);

    private readonly HashSet<string> _running = [];

    /// <summary>Names of the jobs running on this node now.</summary>
    public IReadOnlyCollection<string> Running
    {
        get
        {
            lock (_running) return [.. _running];
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => Task.Run(() => KeepRunningAsync(job, stoppingToken), stoppingToken)));

    private async Task KeepRunningAsync(ISingletonJob job, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await locks.TryAcquireAsync("job:" + job.Name, stoppingToken);
                if (lease is not null) await RunHoldingAsync(job, lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Singleton job {Job} failed on {Node}; it will be started again", job.Name, node.Id);
            }
            await Task.Delay(RetryInterval, stoppingToken);
        }
    }

    private async Task RunHoldingAsync(ISingletonJob job, IClusterLease lease, CancellationToken stoppingToken)
    {
        using var jobStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        log.LogInformation("Singleton job {Job} starts on {Node}", job.Name, node.Id);
        lock (_running) _running.Add(job.Name);
        try
        {
            var run = job.RunAsync(jobStop.Token);
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(CheckInterval, stoppingToken));
                if (!run.IsCompleted && !await lease.IsHeldAsync(stoppingToken))
                {
                    log.LogWarning("Singleton job {Job} stops on {Node}: its lock may be lost", job.Name, node.Id);
                    await jobStop.CancelAsync();
                }
            }
            await run;
        }
        catch (OperationCanceledException) when (jobStop.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // Stopped because the lock may be lost: try to take it again.
        }
        finally
        {
            lock (_running) _running.Remove(job.Name);
        }
    }
}
