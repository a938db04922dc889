using Microsoft.EntityFrameworkCore;
using Training.Platform.Outbox;

namespace Training.Certification.Data;

public class CertificationDbContext : DbContext, IHasOutbox
{
    public CertificationDbContext(DbContextOptions<CertificationDbContext> options) : base(options) { }

    protected CertificationDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CourseResult> CourseResults => Set<CourseResult>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<IssuerMark> Marks => Set<IssuerMark>();
    public DbSet<CertificateTemplate> Templates => Set<CertificateTemplate>();
    public DbSet<CertificationCycle> Cycles => Set<CertificationCycle>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.MapOutbox("cert_outbox");
        builder.Entity<Programme>(e =>
        {
            e.ToTable("cert_programmes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.CourseCodes).HasMaxLength(1000);
            e.Property(x => x.IssuingUnitName).HasMaxLength(300);
            e.Property(x => x.IssuerCode).HasMaxLength(64);
            e.Property(x => x.IssuingBody).HasMaxLength(300);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.SignerTitle).HasMaxLength(300);
            e.Property(x => x.SignerName).HasMaxLength(200);
            e.Property(x => x.Wording).HasMaxLength(500);
            e.Property(x => x.MinScore).HasPrecision(5, 2);
            e.HasIndex(x => x.Code).IsUnique();
        });
        builder.Entity<Certificate>(e =>
        {
            e.ToTable("cert_certificates");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.SerialNumber).HasMaxLength(100);
            e.Property(x => x.VerificationCode).HasMaxLength(16);
            e.Property(x => x.HolderName).HasMaxLength(200);
            e.Property(x => x.HolderUnitName).HasMaxLength(300);
            e.Property(x => x.ProgrammeName).HasMaxLength(300);
            e.Property(x => x.IssuingUnitName).HasMaxLength(300);
            e.Property(x => x.Result).HasMaxLength(200);
            e.Property(x => x.ScorePercent).HasPrecision(5, 2);
            e.Property(x => x.RevocationReason).HasMaxLength(1000);
            e.Property(x => x.Source).HasMaxLength(16);
            e.Property(x => x.IssueReason).HasMaxLength(1000);
            e.Property(x => x.IssuedBy).HasMaxLength(64);
            e.Property(x => x.PdfFile).HasMaxLength(100);
            e.Property(x => x.PdfSha256).HasMaxLength(64);
            // Exactly one certificate per person, programme and cycle (reissues get a new revision).
            e.HasIndex(x => new { x.UserId, x.ProgrammeId, x.Cycle, x.Revision }).IsUnique();
            e.HasIndex(x => x.SerialNumber).IsUnique();
            e.HasIndex(x => x.VerificationCode).IsUnique();
            e.HasIndex(x => x.StatusIndex).IsUnique();
            e.HasIndex(x => new { x.ProgrammeId, x.ExpiresOn });
            e.HasIndex(x => x.HolderUnitId);
            e.HasIndex(x => x.PdfSha256);
        });
        builder.Entity<CourseResult>(e =>
        {
            e.ToTable("cert_course_results");
            e.HasKey(x => x.CompletionId);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.CourseCode).HasMaxLength(64);
            e.Property(x => x.CourseTitle).HasMaxLength(300);
            e.Property(x => x.ScorePercent).HasPrecision(5, 2);
            e.Property(x => x.Hours).HasPrecision(7, 2);
            e.HasIndex(x => new { x.UserId, x.CourseCode });
        });
        builder.Entity<Counter>(e =>
        {
            e.ToTable("cert_counters");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(120);
        });
        builder.Entity<IssuerMark>(e =>
        {
            e.ToTable("cert_issuer_marks");
            e.HasKey(x => x.Id);
            e.Property(x => x.IssuingUnit).HasMaxLength(300);
            e.Property(x => x.UploadedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.IssuingUnit, x.Kind, x.RetiredAt });
        });
        builder.Entity<CertificateTemplate>(e =>
        {
            e.ToTable("cert_templates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Wording).HasMaxLength(500);
            e.Property(x => x.PrimaryColour).HasMaxLength(7);
            e.Property(x => x.AccentColour).HasMaxLength(7);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.ProgrammeId, x.Version }).IsUnique();
        });
        builder.Entity<CertificationCycle>(e =>
        {
            e.ToTable("cert_cycles");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(32);
            e.Property(x => x.OpenedBy).HasMaxLength(64);
            // A cycle opens once per person and programme, whoever asks first (the scanner, an administrator).
            e.HasIndex(x => new { x.UserId, x.ProgrammeId, x.Cycle }).IsUnique();
            e.HasIndex(x => new { x.ProgrammeId, x.OpenedAt });
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("cert_audit");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.HasIndex(x => x.CertificateId);
        });
    }
}

public sealed class CertificationSqliteDbContext(DbContextOptions<CertificationSqliteDbContext> options) : CertificationDbContext(options);

public sealed class CertificationPostgresDbContext(DbContextOptions<CertificationPostgresDbContext> options) : CertificationDbContext(options);
