using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Training.Abstractions.Text;

namespace Training.Courses.Media.Data;

/// <summary>The media library's tables. A context of its own (history table <c>__ef_history_courses_media</c>) so its
/// migrations stay apart from the course model's.</summary>
public class MediaDbContext : DbContext
{
    public const string Module = "courses_media";

    public MediaDbContext(DbContextOptions<MediaDbContext> options) : base(options) { }

    protected MediaDbContext(DbContextOptions options) : base(options) { }

    public DbSet<MediaItem> Items => Set<MediaItem>();
    public DbSet<MediaProgress> Progress => Set<MediaProgress>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<MediaItem>(e =>
        {
            e.ToTable("courses_media_items");
            e.Property(x => x.Slug).HasMaxLength(MediaSlug.MaxLength);
            e.Property(x => x.Title).HasMaxLength(TextLimits.Name);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.FileName).HasMaxLength(TextLimits.Name);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.BlobKey).HasMaxLength(400);
            e.Property(x => x.CaptionsBlobKey).HasMaxLength(400);
            e.Property(x => x.CaptionsSha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(450);
            e.HasIndex(x => new { x.CourseId, x.Slug }).IsUnique();
        });
        b.Entity<MediaProgress>(e =>
        {
            e.ToTable("courses_media_progress");
            e.HasKey(x => new { x.UserId, x.MediaId });
            e.Property(x => x.UserId).HasMaxLength(450);
        });
        if (Database.IsSqlite())
        {
            // As in CoursesDbContext: SQLite cannot compare DateTimeOffset stored as text.
            foreach (var entity in b.Model.GetEntityTypes())
            foreach (var p in entity.GetProperties())
                if (p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?))
                    p.SetValueConverter(new DateTimeOffsetToBinaryConverter());
        }
    }
}

public sealed class MediaSqliteDbContext(DbContextOptions<MediaSqliteDbContext> options) : MediaDbContext(options);

public sealed class MediaPostgresDbContext(DbContextOptions<MediaPostgresDbContext> options) : MediaDbContext(options);
