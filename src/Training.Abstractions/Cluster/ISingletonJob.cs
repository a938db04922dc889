namespace Training.Abstractions.Cluster;

/// <summary>Background work that must run on one node at a time (scanners, warmers, the PDF worker, scheduled jobs).
/// The platform runs it on the node that holds the job's lease (a PostgreSQL advisory lock; always this node on
/// SQLite) and, when that node dies, on another within a minute. Registered with <c>AddSingletonJob&lt;T&gt;()</c>.</summary>
public interface ISingletonJob
{
    /// <summary>Stable name; the lease is keyed on it.</summary>
    string Name { get; }

    /// <summary>Runs while this node holds the lease. <paramref name="ct"/> is cancelled when the lease may be lost or
    /// the node stops; the job is started again when this node next holds it, so it must be safe to restart.</summary>
    Task RunAsync(CancellationToken ct);
}
