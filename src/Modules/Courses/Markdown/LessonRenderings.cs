using Microsoft.Extensions.Caching.Memory;
using Training.Abstractions.Cluster;

namespace Training.Courses.Markdown;

/// <summary>This node's cached lesson renderings (keys of <see cref="LessonRenderer"/>), dropped on every node through
/// <see cref="IClusterEvents"/> when a refresh (the legal library changed; handled on one node by the outbox) renders a
/// lesson again. A singleton, so the subscription exists once and before the first rendering is cached.</summary>
public sealed class LessonRenderings : IDisposable
{
    private const string Channel = "courses-lesson";
    private readonly IMemoryCache _cache;
    private readonly IClusterEvents _events;
    // Tags this instance's messages so it skips its own.
    private readonly string _self = Guid.NewGuid().ToString("N")[..12] + " ";
    private readonly IDisposable _subscription;

    public LessonRenderings(IMemoryCache cache, IClusterEvents events)
    {
        _cache = cache;
        _events = events;
        _subscription = events.Subscribe(Channel, (message, _) =>
        {
            // "*" (messages may have been missed): other renderings may be stale; they expire within 10 minutes.
            if (message != IClusterEvents.Everything && !message.StartsWith(_self, StringComparison.Ordinal))
                Drop(message[(message.IndexOf(' ') + 1)..]);
            return Task.CompletedTask;
        });
    }

    public static string Key(bool forAuthor, string hash) => $"courses:md:{(forAuthor ? 'a' : 'l')}:{hash}";

    public void Drop(string hash)
    {
        _cache.Remove(Key(false, hash));
        _cache.Remove(Key(true, hash));
    }

    /// <summary>Drops the renderings of <paramref name="hash"/> on the other nodes (this one has just rendered it again).</summary>
    public Task DropEverywhereElseAsync(string hash, CancellationToken ct) => _events.PublishAsync(Channel, _self + hash, ct);

    public void Dispose() => _subscription.Dispose();
}
