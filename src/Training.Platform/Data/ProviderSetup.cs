using Microsoft.EntityFrameworkCore;

namespace Training.Platform.Data;

/// <summary>Configures a module's DbContext for the chosen provider. Each module keeps its own
/// migrations (one set per provider) and its own history table.</summary>
public static class ProviderSetup
{
    public static DbContextOptionsBuilder UseTrainingProvider(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, string module, Type migrationsAssemblyOf)
    {
        var history = $"__ef_history_{module.ToLowerInvariant()}";
        var assembly = migrationsAssemblyOf.Assembly.GetName().Name;
        return provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(history).MigrationsAssembly(assembly)),
            _ => builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(history).MigrationsAssembly(assembly)),
        };
    }
}
