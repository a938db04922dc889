using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Cluster;

namespace Training.Platform.Cluster;

/// <summary>This node's subscribers and the queue that calls them, one message at a time, off the publisher's thread.</summary>
public sealed class ClusterEventHub(ILogger<ClusterEventHub> log)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<string, CancellationToken, Task>>> _handlers = new(StringComparer.Ordinal);
    private readonly Channel<(string Channel, string Message)> _queue = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });

    public IDisposable Subscribe(string channel, Func<string, CancellationToken, Task> handler)
    {
        var id = Guid.NewGuid();
        _handlers.GetOrAdd(channel, _ => new())[id] = handler;
        return new Subscription(() => _handlers.GetValueOrDefault(channel)?.TryRemove(id, out _));
    }

    public void Deliver(string channel, string message) => _queue.Writer.TryWrite((channel, message));

    /// <summary>Tells every subscriber that it may have missed messages.</summary>
    public void DeliverEverything()
    {
        foreach (var channel in _handlers.Keys) Deliver(channel, IClusterEvents.Everything);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var (channel, message) in _queue.Reader.ReadAllAsync(ct))
        {
            if (!_handlers.TryGetValue(channel, out var handlers)) continue;
            foreach (var handler in handlers.Values)
            {
                try
                {
                    await handler(message, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    log.LogWarning(ex, "Cluster event handler on {Channel} failed", channel);
                }
            }
        }
    }

    private sealed class Subscription(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
