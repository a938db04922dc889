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
            // SQLite rebuilds a table to change a column (the outbox's due time became required): EF runs the rebuild in
            // the migration's transaction and only "PRAGMA foreign_keys" outside it, a per-connection setting that a
            // crash cannot leave half-applied, so its warning about non-transactional operations says nothing here.
            _ => builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(history).MigrationsAssembly(assembly))
                .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning)),
        };
    }
}
