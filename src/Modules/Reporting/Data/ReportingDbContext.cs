using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Text;
using Training.Platform.Outbox;
using Training.Reporting.Status;

namespace Training.Reporting.Data;

public class ReportingDbContext : DbContext, IHasOutbox
{
    public ReportingDbContext(DbContextOptions<ReportingDbContext> options) : base(options) { }

    protected ReportingDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanPhase> Phases => Set<PlanPhase>();
    public DbSet<PlanTarget> Targets => Set<PlanTarget>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SentEmail> SentEmails => Set<SentEmail>();
    public DbSet<JobSlot> JobSlots => Set<JobSlot>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<PersonStatus> PersonStatuses => Set<PersonStatus>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<ResyncRun> ResyncRuns => Set<ResyncRun>();
    public DbSet<CoverTree> CoverTrees => Set<CoverTree>();
    public DbSet<UnitClosure> UnitClosure => Set<UnitClosure>();
    public DbSet<CoverSet> CoverSets => Set<CoverSet>();
    public DbSet<CoverRow> Cover => Set<CoverRow>();
    public DbSet<CoverTotal> CoverTotals => Set<CoverTotal>();
    public DbSet<CoverPopulation> CoverPopulation => Set<CoverPopulation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Plan>(e =>
        {
            e.ToTable("rpt_plans");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(1000);
            e.Property(x => x.Issuer).HasMaxLength(300);
            e.Property(x => x.BasisNumber).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(TextLimits.Paragraph);
            e.HasMany(x => x.Phases).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PlanPhase>(e =>
        {
            e.ToTable("rpt_plan_phases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
        });
        builder.Entity<PlanTarget>(e =>
        {
            e.ToTable("rpt_targets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Indicator).HasMaxLength(4000);
            e.Property(x => x.Categories).HasMaxLength(1000);
            e.Property(x => x.ProgrammeCodes).HasMaxLength(1000);
            e.Property(x => x.Note).HasMaxLength(TextLimits.Paragraph);
            e.HasIndex(x => new { x.PlanId, x.Ordinal });
            e.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.CategoryList);
            e.Ignore(x => x.ProgrammeCodeList);
        });
        builder.Entity<Milestone>(e =>
        {
            e.ToTable("rpt_milestones");
            e.HasKey(x => x.Id);
            e.Property(x => x.Percent).HasPrecision(5, 2);
        });
        builder.Entity<ApiKey>(e =>
        {
            e.ToTable("rpt_api_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.UnitName).HasMaxLength(300);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.Hash).IsUnique();
        });
        builder.Entity<Notification>(e =>
        {
            e.ToTable("rpt_notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(300);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Body).HasMaxLength(4000);
            e.Property(x => x.Url).HasMaxLength(500);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.UserId, x.CreatedAt });
        });
        builder.Entity<SentEmail>(e =>
        {
            e.ToTable("rpt_sent_emails");
            e.HasKey(x => x.MessageId);
            e.Property(x => x.To).HasMaxLength(320);
        });
        builder.Entity<PersonStatus>(e =>
        {
            e.ToTable("rpt_person_status");
            e.HasKey(x => new { x.UserId, x.ProgrammeId });
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Category).HasMaxLength(200);
            e.Property(x => x.SerialNumber).HasMaxLength(100);
            // A target's counts read one programme's rows by unit.
            e.HasIndex(x => new { x.ProgrammeId, x.UnitId });
        });
        builder.Entity<StaffMember>(e =>
        {
            e.ToTable("rpt_staff");
            e.HasKey(x => new { x.UserId, x.UnitId });
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Category).HasMaxLength(200);
            e.HasIndex(x => new { x.UnitId, x.Posts });
        });
        builder.Entity<JobSlot>(e =>
        {
            e.ToTable("rpt_job_slots");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        builder.Entity<ResyncRun>(e =>
        {
            e.ToTable("rpt_resync_runs");
            e.HasKey(x => x.Id);
        });
        MapCover(builder);
        builder.MapOutbox("rpt_outbox");
    }

    /// <summary>The cover tables (see <see cref="CoverTotal"/>); keys in the order the dashboard's queries read them.</summary>
    private static void MapCover(ModelBuilder builder)
    {
        builder.Entity<CoverTree>(e =>
        {
            e.ToTable("rpt_cover_tree");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Fingerprint).HasMaxLength(64);
        });
        builder.Entity<UnitClosure>(e =>
        {
            e.ToTable("rpt_unit_closure");
            e.HasKey(x => new { x.UnitId, x.AncestorId });
            e.HasIndex(x => x.AncestorId);
        });
        builder.Entity<CoverSet>(e =>
        {
            e.ToTable("rpt_cover_sets");
            e.HasKey(x => x.Id);
            e.Property(x => x.ProgrammeKey).HasMaxLength(4000);
            e.HasIndex(x => x.ProgrammeKey).IsUnique();
        });
        builder.Entity<CoverRow>(e =>
        {
            e.ToTable("rpt_cover");
            e.HasKey(x => new { x.SetId, x.UserId, x.UnitId, x.ValidFrom });
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Category).HasMaxLength(200);
            // The dashboard reads this month's starts and ends from these alone (index-only on PostgreSQL once vacuumed).
            e.HasIndex(x => new { x.SetId, x.ValidFrom, x.UnitId, x.MinDepth, x.Category, x.ValidTo });
            e.HasIndex(x => new { x.SetId, x.ValidTo, x.UnitId, x.MinDepth, x.Category, x.ValidFrom });
        });
        builder.Entity<CoverTotal>(e =>
        {
            e.ToTable("rpt_cover_totals");
            e.HasKey(x => new { x.SetId, x.AncestorId, x.Category, x.FromKey, x.ToKey });
            e.Property(x => x.Category).HasMaxLength(200);
        });
        builder.Entity<CoverPopulation>(e =>
        {
            e.ToTable("rpt_cover_population");
            e.HasKey(x => new { x.AncestorId, x.Category });
            e.Property(x => x.Category).HasMaxLength(200);
        });
    }
}

public sealed class ReportingSqliteDbContext(DbContextOptions<ReportingSqliteDbContext> options) : ReportingDbContext(options);

public sealed class ReportingPostgresDbContext(DbContextOptions<ReportingPostgresDbContext> options) : ReportingDbContext(options);
