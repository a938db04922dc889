using System.Runtime.CompilerServices;
using System.Text.Json;
using Training.Abstractions.Events;

namespace Training.Platform.Outbox;

public static class OutboxWriter
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Contexts with messages added since their last commit; read by OutboxCommitNotifier to wake the dispatcher.
    private static readonly ConditionalWeakTable<IHasOutbox, object> Pending = new();

    /// <summary>Adds the event to the context's outbox; it is saved with the caller's unit of work and the context's
    /// dispatcher is woken when that unit of work commits.</summary>
    public static void Enqueue<TEvent>(this IHasOutbox context, TEvent domainEvent) where TEvent : IDomainEvent
    {
        context.Outbox.Add(new OutboxMessage
        {
            Id = domainEvent.EventId,
            Type = typeof(TEvent).FullName!,
            Payload = JsonSerializer.Serialize(domainEvent, Json),
            OccurredAt = domainEvent.OccurredAt,
            NextAttemptAt = domainEvent.OccurredAt.ToUniversalTime(),
        });
        Pending.AddOrUpdate(context, Pending);
    }

    internal static bool TakePending(IHasOutbox context) => Pending.Remove(context);
}
