using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Training.Certification.Data;
using Training.Platform.Outbox;

namespace Training.Site.Tests.Data;

/// <summary>Messages written before the outbox had a due time for every row (NULL until a first failure) are due at
/// once after the upgrade, on both providers.</summary>
public sealed class OutboxUpgradeTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AMessageWaitingBeforeTheUpgradeIsDueAndDispatchedAfterIt(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var id = Guid.NewGuid();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var upgrade = migrations.Single(m => m.EndsWith("_Platform_OutboxClaims", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(upgrade) - 1]);
            // The old shape: no due time. An event type nobody registered, so delivery fails and leaves a trace.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"cert_outbox\" (\"Id\", \"Type\", \"Payload\", \"OccurredAt\", \"Attempts\") VALUES ({0}, 'Legacy.Event', '{{}}', {1}, 0)",
                id, DateTimeOffset.UtcNow.AddHours(-1));
            await db.Database.MigrateAsync();
        });

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher<CertificationDbContext>>();
        await dispatcher.DispatchBatchAsync(CancellationToken.None);

        var message = await app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Null(message.ProcessedAt);
        Assert.True(message.Attempts >= 1);
        Assert.Equal("Unknown event type Legacy.Event", message.LastError);
        Assert.True(message.NextAttemptAt > DateTimeOffset.UtcNow);
    }
}
