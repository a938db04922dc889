using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Events;
using Training.Platform.Outbox;

namespace Training.Platform.Tests.Outbox;

/// <summary>A module-like context with nothing but an outbox, for testing the dispatcher on both providers.</summary>
public class ProbeDbContext : DbContext, IHasOutbox
{
    public ProbeDbContext(DbContextOptions<ProbeDbContext> options) : base(options) { }

    protected ProbeDbContext(DbContextOptions options) : base(options) { }

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapOutbox("probe_outbox");
}

public sealed class ProbeSqliteDbContext(DbContextOptions<ProbeSqliteDbContext> options) : ProbeDbContext(options);

public sealed class ProbePostgresDbContext(DbContextOptions<ProbePostgresDbContext> options) : ProbeDbContext(options);

/// <summary>A second module with its own outbox, to see that wake-ups do not cross modules.</summary>
public class OtherProbeDbContext : DbContext, IHasOutbox
{
    public OtherProbeDbContext(DbContextOptions<OtherProbeDbContext> options) : base(options) { }

    protected OtherProbeDbContext(DbContextOptions options) : base(options) { }

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapOutbox("other_probe_outbox");
}

public sealed class OtherProbeSqliteDbContext(DbContextOptions<OtherProbeSqliteDbContext> options) : OtherProbeDbContext(options);

public sealed class OtherProbePostgresDbContext(DbContextOptions<OtherProbePostgresDbContext> options) : OtherProbeDbContext(options);

public sealed record ProbeEvent(Guid EventId, DateTimeOffset OccurredAt, string Name) : IDomainEvent
{
    public static ProbeEvent At(DateTimeOffset at, string name) => new(Guid.NewGuid(), at, name);
}
