using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Training.Abstractions.Cluster;
using Training.Platform.Data;

namespace Training.Platform.Cluster;

public static class ClusterRegistration
{
    /// <summary>Node identity, cluster locks and events, and the singleton-job runner, for the configured provider.</summary>
    public static IServiceCollection AddTrainingCluster(this IServiceCollection services)
    {
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalClusterLocks>();
        services.TryAddSingleton<PostgresClusterLocks>();
        services.TryAddSingleton<IClusterLocks>(sp => IsPostgres(sp) ? sp.GetRequiredService<PostgresClusterLocks>() : sp.GetRequiredService<LocalClusterLocks>());
        services.TryAddSingleton<ClusterEventHub>();
        services.TryAddSingleton<LocalClusterEvents>();
        services.TryAddSingleton<PostgresClusterEvents>();
        services.TryAddSingleton<IClusterEvents>(sp => IsPostgres(sp) ? sp.GetRequiredService<PostgresClusterEvents>() : sp.GetRequiredService<LocalClusterEvents>());
        services.TryAddSingleton<ClusterEventListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterEventListener>());
        services.TryAddSingleton<SingletonJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<SingletonJobRunner>());
        return services;
    }

    /// <summary>Run <typeparamref name="TJob"/> on one node at a time.</summary>
    public static IServiceCollection AddSingletonJob<TJob>(this IServiceCollection services) where TJob : class, ISingletonJob
    {
        services.AddSingleton<ISingletonJob, TJob>();
        return services;
    }

    private static bool IsPostgres(IServiceProvider sp) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres;
}
