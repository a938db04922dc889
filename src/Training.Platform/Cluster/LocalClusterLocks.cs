using System.Collections.Concurrent;

namespace Training.Platform.Cluster;

/// <summary>One node (SQLite): locks within this process.</summary>
public sealed class LocalClusterLocks : IClusterLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IClusterLease> AcquireAsync(string name, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Lease(gate);
    }

    public async Task<IClusterLease?> TryAcquireAsync(string name, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(TimeSpan.Zero, ct) ? new Lease(gate) : null;
    }

    private sealed class Lease(SemaphoreSlim gate) : IClusterLease
    {
        private int _released;

        public Task<bool> IsHeldAsync(CancellationToken ct) => Task.FromResult(Volatile.Read(ref _released) == 0);

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
