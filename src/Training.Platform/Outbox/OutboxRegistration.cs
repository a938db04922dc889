using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Training.Abstractions.Events;
using Training.Platform.Cluster;

namespace Training.Platform.Outbox;

public static class OutboxRegistration
{
    /// <summary>Dispatch the outbox of <typeparamref name="TContext"/> in the background.</summary>
    public static IServiceCollection AddOutboxDispatcher<TContext>(this IServiceCollection services) where TContext : DbContext, IHasOutbox
    {
        services.TryAddSingleton(typeof(OutboxSignal<>));
        services.TryAddSingleton(new EventTypeRegistry());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NodeIdentity>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddSingleton<OutboxDispatcher<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TContext>>());
        return services;
    }

    /// <summary>Declare an event type that may be read back from an outbox.</summary>
    public static IServiceCollection AddDomainEvent<TEvent>(this IServiceCollection services) where TEvent : IDomainEvent
    {
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(EventTypeRegistry))?.ImplementationInstance as EventTypeRegistry;
        if (registry is null)
        {
            registry = new EventTypeRegistry();
            services.AddSingleton(registry);
        }
        registry.Add<TEvent>();
        return services;
    }
}
