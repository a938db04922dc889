namespace Training.Abstractions.Cluster;

/// <summary>Small messages to every node of the site, this one included (e.g. "evict cache entry X"). In-process on a
/// single node (SQLite); PostgreSQL <c>LISTEN/NOTIFY</c> across nodes. Delivery is best-effort and immediate: publish
/// after the change is committed. A subscriber that may have missed messages (its node lost the connection) receives
/// <see cref="Everything"/> and must treat everything it caches as stale.</summary>
public interface IClusterEvents
{
    /// <summary>The message a subscriber receives when it may have missed others.</summary>
    public const string Everything = "*";

    /// <summary>Sends <paramref name="message"/> (at most 4,000 characters) on <paramref name="channel"/> to every node.</summary>
    Task PublishAsync(string channel, string message, CancellationToken ct = default);

    /// <summary>Calls <paramref name="handler"/> for each message on the channel until the returned handle is disposed.
    /// Handlers run one at a time per node, off the publisher's thread; an exception is logged and does not stop others.</summary>
    IDisposable Subscribe(string channel, Func<string, CancellationToken, Task> handler);
}
