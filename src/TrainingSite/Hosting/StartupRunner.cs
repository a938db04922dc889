using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Training.Abstractions.Hosting;
using Training.Platform.Cluster;
using Training.Platform.Data;

namespace Training.Site.Hosting;

/// <summary>Brings the database up to date (every module's migrations, in module order), runs the modules'
/// start-up tasks, then seeds the demo data when enabled.</summary>
internal sealed class StartupRunner(
    IServiceProvider services, IEnumerable<MigratableContext> contexts, IOptions<DatabaseOptions> database, IClusterLocks locks, ILogger<StartupRunner> log)
{
    /// <summary>Held around migrations, start-up tasks and seeding, so nodes starting at once on one PostgreSQL database
    /// do them one after the other (the later ones then find nothing left to do).</summary>
    public async Task<IAsyncDisposable> ExclusiveAsync(CancellationToken ct)
    {
        var lease = await locks.TryAcquireAsync("startup", ct);
        if (lease is not null) return lease;
        log.LogInformation("Another node is migrating or seeding the database; waiting for it");
        return await locks.AcquireAsync("startup", ct);
    }

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (database.Value.Provider == DatabaseProvider.Sqlite) await EnableWalAsync(ct);
        foreach (var registration in contexts.OrderBy(c => c.Order))
        {
            var context = (DbContext)services.GetRequiredService(registration.ContextType);
            // Npgsql's history repository says the table always exists and catches the "relation does not exist" of
            // its first read instead (npgsql/efcore.pg#3407), after EF has logged that read as a failed command: on an
            // empty database every module would log two `fail:` lines. Create the table first (IF NOT EXISTS, under
            // the start-up lock), so a clean first start logs no failure.
            if (database.Value.Provider == DatabaseProvider.Postgres)
                await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count == 0) continue;
            log.LogInformation("Migrating {Module}: {Migrations}", registration.Module, string.Join(", ", pending));
            await context.Database.MigrateAsync(ct);
        }
    }

    public async Task RunStartupTasksAsync(CancellationToken ct)
    {
        foreach (var task in services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            using var scope = services.CreateScope();
            await task.RunAsync(scope.ServiceProvider, ct);
        }
    }

    public async Task SeedDemoAsync(CancellationToken ct)
    {
        foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            using var scope = services.CreateScope();
            await seeder.SeedAsync(scope.ServiceProvider, ct);
        }
    }

    /// <summary>WAL lets readers proceed while one writer commits; set once per database file.</summary>
    private async Task EnableWalAsync(CancellationToken ct)
    {
        var first = contexts.OrderBy(c => c.Order).First();
        var context = (DbContext)services.GetRequiredService(first.ContextType);
        await context.Database.OpenConnectionAsync(ct);
        try
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
