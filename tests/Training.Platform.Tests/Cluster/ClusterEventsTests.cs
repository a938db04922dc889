using System.Collections.Concurrent;
using Training.Abstractions.Cluster;
using Training.Platform.Tests.Outbox;
using Training.Testing;

namespace Training.Platform.Tests.Cluster;

public sealed class ClusterEventsTests
{
    [Fact]
    public async Task AMessagePublishedOnOneNodeReachesEveryNodeOnPostgres()
    {
        var database = ProbeDatabase.Create(TestDatabase.Postgres);
        await using var a = new ClusterNode(database);
        await using var b = new ClusterNode(database);
        await a.StartAsync();
        await b.StartAsync();
        var received = new ConcurrentQueue<string>();
        using var onA = a.Events.Subscribe("cache", (m, _) => { received.Enqueue("a:" + m); return Task.CompletedTask; });
        using var onB = b.Events.Subscribe("cache", (m, _) => { received.Enqueue("b:" + m); return Task.CompletedTask; });
        using var other = b.Events.Subscribe("other", (m, _) => { received.Enqueue("other:" + m); return Task.CompletedTask; });

        await a.Events.PublishAsync("cache", "verify:ABC123");

        await WaitUntilAsync(() => received.Count >= 2);
        Assert.Equal(["a:verify:ABC123", "b:verify:ABC123"], received.Order());
    }

    [Fact]
    public async Task OnSqliteAMessageReachesThisNodesSubscribers()
    {
        await using var node = new ClusterNode(ProbeDatabase.Create(TestDatabase.Sqlite));
        await node.StartAsync();
        var received = new ConcurrentQueue<string>();
        using var subscription = node.Events.Subscribe("cache", (m, _) => { received.Enqueue(m); return Task.CompletedTask; });
        using (node.Events.Subscribe("cache", (_, _) => throw new InvalidOperationException("a failing subscriber")))
        {
            await node.Events.PublishAsync("cache", "catalogue");
            await WaitUntilAsync(() => !received.IsEmpty);
        }
        subscription.Dispose();
        await node.Events.PublishAsync("cache", "after");
        await Task.Delay(200);
        Assert.Equal(["catalogue"], received);
        await Assert.ThrowsAsync<ArgumentException>(() => node.Events.PublishAsync("cache", new string('x', 4001)));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition()) await Task.Delay(25, timeout.Token);
    }
}
