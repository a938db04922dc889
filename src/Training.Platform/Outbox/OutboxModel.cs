using Microsoft.EntityFrameworkCore;

namespace Training.Platform.Outbox;

/// <summary>A DbContext that owns an outbox table.</summary>
public interface IHasOutbox
{
    DbSet<OutboxMessage> Outbox { get; }
}

public static class OutboxModel
{
    public static void MapOutbox(this ModelBuilder modelBuilder, string table)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(table);
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(200);
            e.Property(x => x.ClaimedBy).HasMaxLength(200);
            // The dispatcher reads due messages in due order from this partial index only: processed rows (kept for
            // the retention period) and messages waiting for a retry never stand in front of a due one.
            // Quoted identifiers are valid on SQLite and PostgreSQL.
            e.HasIndex(x => x.NextAttemptAt).HasDatabaseName($"IX_{table}_due").HasFilter("\"ProcessedAt\" IS NULL");
            // The purge deletes processed rows older than the retention period.
            e.HasIndex(x => x.ProcessedAt).HasDatabaseName($"IX_{table}_processed");
        });
    }
}
