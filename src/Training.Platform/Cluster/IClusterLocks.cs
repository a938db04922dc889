namespace Training.Platform.Cluster;

/// <summary>Named locks shared by every node: PostgreSQL session advisory locks (released by the server when the
/// holder's connection ends, e.g. when its process is killed), or in-process locks on a single SQLite node.</summary>
public interface IClusterLocks
{
    /// <summary>Waits until this node holds <paramref name="name"/>.</summary>
    Task<IClusterLease> AcquireAsync(string name, CancellationToken ct);

    /// <summary>Takes <paramref name="name"/> when it is free, else returns null at once.</summary>
    Task<IClusterLease?> TryAcquireAsync(string name, CancellationToken ct);
}

/// <summary>A held lock; disposing releases it.</summary>
public interface IClusterLease : IAsyncDisposable
{
    /// <summary>False when the lock may have been lost (the connection that holds it failed).</summary>
    Task<bool> IsHeldAsync(CancellationToken ct);
}
