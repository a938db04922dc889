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
            e.HasIndex(x => new { x.ProcessedAt, x.NextAttemptAt });
        });
    }
}
