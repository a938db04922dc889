namespace Training.Abstractions.Events;

/// <summary>A fact another module may react to. Delivered at least once through a transactional outbox:
/// handlers must be idempotent.</summary>
public interface IDomainEvent
{
    /// <summary>Unique id, stable across redelivery.</summary>
    Guid EventId { get; }

    /// <summary>When the fact happened.</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Handles one event type. Registered by the consuming module.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    /// <summary>React to the event. Throwing makes the outbox retry later.</summary>
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}
