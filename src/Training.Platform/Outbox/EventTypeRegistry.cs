using Training.Abstractions.Events;

namespace Training.Platform.Outbox;

/// <summary>Maps stored type names back to event types; only registered types are deserialised.</summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    public EventTypeRegistry Add<TEvent>() where TEvent : IDomainEvent
    {
        _types[typeof(TEvent).FullName!] = typeof(TEvent);
        return this;
    }

    public Type? Resolve(string name) => _types.GetValueOrDefault(name);
}
