using Training.Abstractions.Cluster;

namespace Training.Platform.Cluster;

/// <summary>One node (SQLite): messages go to this node's subscribers only.</summary>
public sealed class LocalClusterEvents(ClusterEventHub hub) : IClusterEvents
{
    public Task PublishAsync(string channel, string message, CancellationToken ct = default)
    {
        ClusterMessage.Check(channel, message);
        hub.Deliver(channel, message);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string channel, Func<string, CancellationToken, Task> handler) => hub.Subscribe(channel, handler);
}
