using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Training.Platform.Outbox;

namespace Training.Platform.Data;

/// <summary>A module DbContext known to the migration runner, in registration order.</summary>
public sealed record MigratableContext(Type ContextType, string Module, int Order);

public static class TrainingDbContextRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> backed by the provider-specific subclass, so each provider
    /// has its own migrations in the module assembly (EF finds them by the subclass type).
    /// </summary>
    public static IServiceCollection AddTrainingDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module, int order)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        services.AddSingleton(new MigratableContext(typeof(TContext), module, order));
        services.TryAddSingleton(typeof(OutboxSignal<>));
        // Pooled contexts: options are built once and instances reused, instead of building the options and a
        // context per request scope (measured: ~25 % of the CPU of the public verification page before this change).
        // The module contexts hold no per-request state; EF Core resets tracking and timeouts on return to the pool.
        // Each subclass is bound to its own provider (never the configured one), so `dotnet ef` can take both from
        // the host's container; only the subclass of the configured provider is ever resolved at run time.
        services.AddDbContextPool<TSqlite>((sp, b) => Configure(sp, b, DatabaseProvider.Sqlite));
        services.AddDbContextPool<TPostgres>((sp, b) => Configure(sp, b, DatabaseProvider.Postgres));
        services.AddScoped<TContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<TPostgres>()
            : sp.GetRequiredService<TSqlite>());
        return services;

        void Configure(IServiceProvider sp, DbContextOptionsBuilder b, DatabaseProvider provider)
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connection = db.Provider == provider ? db.ConnectionString : DesignTime.PlaceholderConnection(provider);
            b.UseTrainingProvider(provider, connection, module, typeof(TContext));
            if (typeof(IHasOutbox).IsAssignableFrom(typeof(TContext)))
                b.AddInterceptors(new OutboxCommitNotifier<TContext>(sp.GetRequiredService<OutboxSignal<TContext>>()));
        }
    }
}
