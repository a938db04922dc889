using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using System.Text.Json;
using Training.Abstractions.Text;
using Training.Organisation.Audiences;
using Training.Organisation.Identity;
using Training.Organisation.Sessions;
using Training.Platform.Outbox;

namespace Training.Organisation.Data;

public class OrganisationDbContext : IdentityDbContext<TrainingUser, TrainingRole, string>, IHasOutbox
{
    public OrganisationDbContext(DbContextOptions<OrganisationDbContext> options) : base(options) { }

    protected OrganisationDbContext(DbContextOptions options) : base(options) { }

    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<UnitMembership> Memberships => Set<UnitMembership>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<OrgSetting> Settings => Set<OrgSetting>();
    public DbSet<Audience> Audiences => Set<Audience>();
    public DbSet<AudienceMember> AudienceMembers => Set<AudienceMember>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<UnitHeadAssignment> UnitHeads => Set<UnitHeadAssignment>();
    public DbSet<Roster.RosterDraft> RosterDrafts => Set<Roster.RosterDraft>();

    // Instants compared in SQL are stored as UTC ticks: SQLite cannot compare DateTimeOffset values, and ticks order
    // the same way on both providers.
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static ValueConverter<List<T>, string> JsonList<T>() =>
        new(v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null), v => JsonSerializer.Deserialize<List<T>>(v, (JsonSerializerOptions?)null) ?? new List<T>());

    private static ValueComparer<List<T>> ListComparer<T>() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapOutbox("org_outbox");
        builder.Entity<Audience>(e =>
        {
            e.ToTable("org_audiences");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(TextLimits.Name);
            e.Property(x => x.UnitIds).HasConversion(JsonList<Guid>(), ListComparer<Guid>());
            e.Property(x => x.Categories).HasConversion(JsonList<string>(), ListComparer<string>());
            e.Property(x => x.Positions).HasConversion(JsonList<string>(), ListComparer<string>());
            e.Property(x => x.CreatedBy).HasMaxLength(450);
            e.Property(x => x.CreatedAt).HasConversion(UtcTicks);
            e.Property(x => x.UpdatedAt).HasConversion(UtcTicks);
            e.Property(x => x.EvaluatedAt).HasConversion(UtcTicks);
            e.HasIndex(x => x.Name);
        });
        builder.Entity<Roster.RosterDraft>(e =>
        {
            e.ToTable("org_roster_drafts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Owner).HasMaxLength(16);
            e.Property(x => x.CreatedAt).HasConversion(UtcTicks);
            e.HasIndex(x => x.CreatedAt);
        });
        builder.Entity<AudienceMember>(e =>
        {
            e.ToTable("org_audience_members");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.LeftReason).HasMaxLength(TextLimits.Line);
            // One current stay per person and audience: a second evaluator inserting the same joiner fails here.
            e.HasIndex(x => new { x.AudienceId, x.UserId }).IsUnique().HasFilter("\"LeftOn\" IS NULL").HasDatabaseName("IX_org_audience_members_current");
            e.HasIndex(x => new { x.UserId, x.AudienceId });
        });
        builder.Entity<TrainingUser>(e =>
        {
            e.Property(x => x.FullName).HasMaxLength(200);
            e.Property(x => x.StaffCode).HasMaxLength(64);
            e.Property(x => x.Position).HasMaxLength(200);
            e.Property(x => x.StaffCategory).HasMaxLength(200);
            e.Property(x => x.PreferredLanguage).HasMaxLength(8);
            e.HasIndex(x => x.StaffCode).IsUnique();
            e.HasIndex(x => x.PrimaryUnitId);
        });
        builder.Entity<OrgUnit>(e =>
        {
            e.ToTable("org_units");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Kind).HasMaxLength(100);
            e.Property(x => x.Path).HasMaxLength(2000);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.Path);
            e.HasIndex(x => new { x.ParentId, x.Name }).IsUnique();
        });
        builder.Entity<UnitMembership>(e =>
        {
            e.ToTable("org_memberships");
            e.HasKey(x => new { x.UserId, x.UnitId });
            e.HasIndex(x => x.UnitId);
        });
        builder.Entity<UserSession>(e =>
        {
            e.ToTable("org_sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.ExpiresAt).HasConversion(UtcTicks);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.ExpiresAt);
        });
        builder.Entity<OrgSetting>(e =>
        {
            e.ToTable("org_settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(1000);
        });
        builder.Entity<LoginFailure>(e =>
        {
            e.ToTable("org_login_failures");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.LastFailureAt).HasConversion(UtcTicks);
            e.Property(x => x.BlockedUntil).HasConversion(UtcTicks);
            e.HasIndex(x => x.LastFailureAt);
        });
        builder.Entity<UnitHeadAssignment>(e =>
        {
            e.ToTable("org_unit_heads");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.AssignedBy).HasMaxLength(256);
            e.Property(x => x.EndedBy).HasMaxLength(256);
            e.Property(x => x.AssignedAt).HasConversion(UtcTicks);
            e.HasIndex(x => new { x.UnitId, x.EndedAt });
            e.HasIndex(x => x.UserId);
        });
    }
}

public sealed class OrganisationSqliteDbContext(DbContextOptions<OrganisationSqliteDbContext> options) : OrganisationDbContext(options);

public sealed class OrganisationPostgresDbContext(DbContextOptions<OrganisationPostgresDbContext> options) : OrganisationDbContext(options);
