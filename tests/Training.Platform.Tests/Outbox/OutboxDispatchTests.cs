using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Platform.Outbox;
using Training.Testing;

namespace Training.Platform.Tests.Outbox;

/// <summary>The dispatcher on one node, on both providers.</summary>
public sealed class OutboxDispatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AGoodMessageBehind600FailingOnesIsDeliveredAfterEachFailingOneWasTriedOnce(TestDatabase database)
    {
        var clock = new FakeTimeProvider(T0);
        var log = new ProbeLog();
        await using var node = new ProbeNode(ProbeDatabase.Create(database), clock, log);
        await node.CreateSchemaAsync();
        var failing = Enumerable.Range(0, 600).Select(i => ProbeEvent.At(T0.AddMinutes(-10).AddMilliseconds(i), $"bad-{i}")).ToList();
        foreach (var e in failing) log.Failing[e.Name] = true;
        await node.EnqueueAsync([.. failing, ProbeEvent.At(T0, "good")]);

        // The clock stands still: a failed message is not due again, so each round reaches further.
        var rounds = 0;
        while (log.Delivered.IsEmpty && rounds < 20)
        {
            await node.Dispatcher.DispatchBatchAsync(CancellationToken.None);
            rounds++;
        }

        Assert.Equal("good", Assert.Single(log.Delivered).Name);
        Assert.Equal(13, rounds); // 601 messages, 50 a round
        var messages = await node.MessagesAsync();
        Assert.NotNull(messages.Single(m => m.Payload.Contains("\"good\"", StringComparison.Ordinal)).ProcessedAt);
        var bad = messages.Where(m => m.ProcessedAt is null).ToList();
        Assert.Equal(600, bad.Count);
        Assert.All(bad, m => Assert.Equal(1, m.Attempts));
        Assert.All(bad, m => Assert.StartsWith("probe failure", m.LastError));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AFailedMessageIsRetriedWhenItsBackOffEndsAndNotBefore(TestDatabase database)
    {
        var clock = new FakeTimeProvider(T0);
        var log = new ProbeLog();
        await using var node = new ProbeNode(ProbeDatabase.Create(database), clock, log);
        await node.CreateSchemaAsync();
        log.Failing["late"] = true;
        await node.EnqueueAsync([ProbeEvent.At(T0, "late")]);

        Assert.Equal(0, await node.Dispatcher.DispatchBatchAsync(CancellationToken.None));
        log.Failing.Clear();
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await node.Dispatcher.DispatchBatchAsync(CancellationToken.None)); // back-off after one failure: 2 s
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await node.Dispatcher.DispatchBatchAsync(CancellationToken.None));

        var message = Assert.Single(await node.MessagesAsync());
        Assert.Equal(T0.AddSeconds(2), message.ProcessedAt);
        Assert.Null(message.LastError);
        Assert.Equal("late", Assert.Single(log.Delivered).Name);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ProcessedMessagesArePurgedAfterTheRetentionPeriodAndUnprocessedOnesNever(TestDatabase database)
    {
        var clock = new FakeTimeProvider(T0);
        var log = new ProbeLog();
        await using var node = new ProbeNode(ProbeDatabase.Create(database), clock, log, new Dictionary<string, string?> { ["Outbox:RetentionDays"] = "7" });
        await node.CreateSchemaAsync();
        log.Failing["stuck"] = true;
        await node.EnqueueAsync([ProbeEvent.At(T0, "old"), ProbeEvent.At(T0, "stuck")]);
        await node.Dispatcher.DispatchBatchAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(6));
        await node.EnqueueAsync([ProbeEvent.At(clock.GetUtcNow(), "recent")]);
        await node.Dispatcher.DispatchBatchAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2)); // "old" was processed 8 days ago, "recent" 2 days ago

        Assert.Equal(1, await node.Dispatcher.PurgeAsync(CancellationToken.None));

        var left = await node.MessagesAsync();
        Assert.Equal(2, left.Count);
        Assert.Contains(left, m => m.Payload.Contains("\"recent\"", StringComparison.Ordinal) && m.ProcessedAt is not null);
        Assert.Contains(left, m => m.Payload.Contains("\"stuck\"", StringComparison.Ordinal) && m.ProcessedAt is null);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ACommitWakesOnlyTheDispatcherOfItsOwnContextAndOnlyOnceCommitted(TestDatabase database)
    {
        var log = new ProbeLog();
        await using var node = new ProbeNode(ProbeDatabase.Create(database), TimeProvider.System, log);
        await node.CreateSchemaAsync();
        var mine = node.Services.GetRequiredService<OutboxSignal<ProbeDbContext>>();
        var other = node.Services.GetRequiredService<OutboxSignal<OtherProbeDbContext>>();

        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Enqueue(ProbeEvent.At(DateTimeOffset.UtcNow, "in-transaction"));
            await db.SaveChangesAsync();
            Assert.False(await mine.WaitAsync(TimeSpan.Zero, CancellationToken.None)); // saved, not yet committed
            await tx.CommitAsync();
        }
        Assert.True(await mine.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await other.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        await node.EnqueueAsync([ProbeEvent.At(DateTimeOffset.UtcNow, "autocommit")]);
        Assert.True(await mine.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await other.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheRunningDispatcherDeliversACommittedMessageWithoutWaitingForThePoll(TestDatabase database)
    {
        var log = new ProbeLog();
        await using var node = new ProbeNode(ProbeDatabase.Create(database), TimeProvider.System, log,
            new Dictionary<string, string?> { ["Outbox:PollSeconds"] = "600" });
        await node.CreateSchemaAsync();
        await node.StartAsync();
        await Task.Delay(200); // let the dispatcher reach its wait

        await node.EnqueueAsync([ProbeEvent.At(DateTimeOffset.UtcNow, "prompt")]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (log.Delivered.IsEmpty) await Task.Delay(20, timeout.Token);
        Assert.Equal("prompt", Assert.Single(log.Delivered).Name);
    }
}
