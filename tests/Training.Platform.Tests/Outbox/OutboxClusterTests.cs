using Microsoft.Extensions.Time.Testing;
using Training.Testing;

namespace Training.Platform.Tests.Outbox;

/// <summary>Several nodes dispatching one PostgreSQL outbox.</summary>
public sealed class OutboxClusterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoNodesDispatchingAtOnceDeliverEachMessageExactlyOnce()
    {
        var database = ProbeDatabase.Create(TestDatabase.Postgres);
        var clock = new FakeTimeProvider(T0);
        var log = new ProbeLog();
        var settings = new Dictionary<string, string?> { ["Outbox:BatchSize"] = "10" };
        await using var a = new ProbeNode(database, clock, log, settings);
        await using var b = new ProbeNode(database, clock, log, settings);
        await a.CreateSchemaAsync();
        await a.EnqueueAsync(Enumerable.Range(0, 200).Select(i => ProbeEvent.At(T0.AddMinutes(-1).AddMilliseconds(i), $"m{i}")));
        // Each node holds its first delivery until the other has started delivering too, so both certainly work
        // through the same outbox at the same time.
        var started = new[] { a.Id, b.Id }.ToDictionary(id => id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        log.BeforeDelivery = async (node, _, ct) =>
        {
            started[node].TrySetResult();
            await started.Single(s => s.Key != node).Value.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        };

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        async Task RunAsync(ProbeNode node)
        {
            while (log.Delivered.Count < 200) await node.Dispatcher.DispatchBatchAsync(timeout.Token);
        }
        await Task.WhenAll(Task.Run(() => RunAsync(a)), Task.Run(() => RunAsync(b)));

        Assert.Equal(200, log.Delivered.Count);
        Assert.Equal(200, log.Delivered.Select(d => d.Name).Distinct().Count());
        Assert.Contains(log.Delivered, d => d.Node == a.Id);
        Assert.Contains(log.Delivered, d => d.Node == b.Id);
        Assert.All(await a.MessagesAsync(), m => Assert.NotNull(m.ProcessedAt));
    }

    [Fact]
    public async Task MessagesClaimedByANodeThatStoppedRespondingAreDeliveredByAnotherOnceTheLeaseEnds()
    {
        var database = ProbeDatabase.Create(TestDatabase.Postgres);
        var clock = new FakeTimeProvider(T0);
        var log = new ProbeLog();
        var settings = new Dictionary<string, string?> { ["Outbox:LeaseSeconds"] = "60" };
        await using var a = new ProbeNode(database, clock, log, settings);
        await using var b = new ProbeNode(database, clock, log, settings);
        await a.CreateSchemaAsync();
        await a.EnqueueAsync([ProbeEvent.At(T0.AddSeconds(-2), "first"), ProbeEvent.At(T0.AddSeconds(-1), "second")]);
        // Node A claims both and hangs in its first handler, as a node that froze or was killed would.
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        log.BeforeDelivery = async (node, _, ct) =>
        {
            if (node != a.Id) return;
            hung.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };
        using var stopA = new CancellationTokenSource();
        var runA = a.Dispatcher.DispatchBatchAsync(stopA.Token);
        await hung.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, await b.Dispatcher.DispatchBatchAsync(CancellationToken.None)); // still leased to A
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(2, await b.Dispatcher.DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(["first", "second"], log.Delivered.Select(d => d.Name).Order());
        Assert.All(log.Delivered, d => Assert.Equal(b.Id, d.Node));
        await stopA.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runA);
        Assert.All(await b.MessagesAsync(), m => Assert.NotNull(m.ProcessedAt));
    }
}
