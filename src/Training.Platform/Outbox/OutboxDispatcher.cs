using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Events;
using Training.Platform.Cluster;

namespace Training.Platform.Outbox;

/// <summary>Delivers the outbox of one context to every registered handler, at least once, with retries.
/// A message is marked processed only after all handlers succeeded; a failure pushes it back with exponential
/// back-off, so it never stands in front of messages that are due. Processed messages are purged after the
/// retention period.</summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes, OutboxSignal<TContext> signal, EventTypeRegistry types, TimeProvider clock, NodeIdentity node,
    IOptions<OutboxOptions> options, ILogger<OutboxDispatcher<TContext>> log)
    : BackgroundService where TContext : DbContext, IHasOutbox
{
    // A node stops starting new messages of its batch this long before its lease ends, so no other node takes them
    // while a handler is still running.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await DispatchAsync(stoppingToken);
                if (clock.GetUtcNow() >= _nextPurge) await PurgeAsync(stoppingToken);
                // A full batch means more may be due at once; otherwise wait for a commit or the next poll.
                if (round.Claimed < settings.BatchSize) await signal.WaitAsync(settings.Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Outbox dispatch of {Context} failed; retrying", typeof(TContext).Name);
                await Task.Delay(settings.Poll, stoppingToken);
            }
        }
    }

    /// <summary>Dispatch one batch of due messages; returns how many were processed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct) => (await DispatchAsync(ct)).Processed;

    /// <summary>Delete processed messages older than the retention period; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var settings = options.Value;
        _nextPurge = clock.GetUtcNow().AddMinutes(settings.PurgeIntervalMinutes);
        if (settings.RetentionDays <= 0) return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var purged = await OutboxStore.PurgeAsync(db, clock.GetUtcNow().AddDays(-settings.RetentionDays), ct);
        if (purged > 0) log.LogInformation("Purged {Count} processed outbox messages of {Context}", purged, typeof(TContext).Name);
        return purged;
    }

    private async Task<(int Claimed, int Processed)> DispatchAsync(CancellationToken ct)
    {
        var settings = options.Value;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var claimedAt = clock.GetUtcNow();
        var leaseEnd = claimedAt + settings.Lease;
        var batch = await OutboxStore.ClaimAsync(db, claimedAt, settings.BatchSize, leaseEnd, node.Id, ct);
        var processed = 0;
        // RETURNING gives no order; deliver in the order the messages fell due.
        var pending = new Queue<OutboxMessage>(batch.OrderBy(m => m.OccurredAt));
        try
        {
            while (pending.Count > 0 && clock.GetUtcNow() <= leaseEnd - LeaseMargin)
            {
                var message = pending.Peek();
                try
                {
                    await DeliverAsync(message, ct);
                    await OutboxStore.MarkProcessedAsync(db, message.Id, clock.GetUtcNow(), ct);
                    processed++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var attempts = message.Attempts + 1;
                    var retryAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
                    var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                    await OutboxStore.MarkFailedAsync(db, message, error, retryAt, ct);
                    log.LogWarning(ex, "Outbox message {Id} ({Type}) failed, attempt {Attempts}", message.Id, message.Type, attempts);
                }
                pending.Dequeue();
            }
        }
        finally
        {
            // Hand back what this node will not deliver (lease nearly over, shutting down) instead of letting it
            // wait for the lease to end. Only claimed rows (PostgreSQL) carry this node's name.
            if (pending.Count > 0) await OutboxStore.ReleaseAsync(db, [.. pending.Select(m => m.Id)], node.Id, clock.GetUtcNow(), CancellationToken.None);
        }
        return (batch.Count, processed);
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var type = types.Resolve(message.Type)
            ?? throw new InvalidOperationException($"Unknown event type {message.Type}");
        var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(message.Payload, type, OutboxWriter.Json)!;
        var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(type);
        var handle = handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!;
        using var handlerScope = scopes.CreateScope();
        foreach (var handler in handlerScope.ServiceProvider.GetServices(handlerType))
        {
            await (Task)handle.Invoke(handler, [domainEvent, ct])!;
        }
    }
}
