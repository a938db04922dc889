using System.Text.Json;
using Training.Abstractions.Events;

namespace Training.Platform.Outbox;

public static class OutboxWriter
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the event to the context's outbox; it is saved with the caller's unit of work.</summary>
    public static void Enqueue<TEvent>(this IHasOutbox context, TEvent domainEvent) where TEvent : IDomainEvent
    {
        context.Outbox.Add(new OutboxMessage
        {
            Id = domainEvent.EventId,
            Type = typeof(TEvent).FullName!,
            Payload = JsonSerializer.Serialize(domainEvent, Json),
            OccurredAt = domainEvent.OccurredAt,
        });
    }
}
