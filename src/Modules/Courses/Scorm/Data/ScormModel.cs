using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Training.Abstractions.Text;

namespace Training.Courses.Scorm.Data;

/// <summary>The SCORM tables of the courses context (called from <c>CoursesDbContext.OnModelCreating</c>).</summary>
internal static class ScormModel
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static void Configure(ModelBuilder b)
    {
        b.Entity<ScormPackage>(e =>
        {
            e.ToTable("courses_scorm_packages");
            e.Property(x => x.SchemaVersion).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(TextLimits.Name);
            e.Property(x => x.FileName).HasMaxLength(TextLimits.Line);
            e.Property(x => x.ImportedBy).HasMaxLength(450);
            e.HasIndex(x => x.LessonId);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.PackageId);
        });
        b.Entity<ScormSco>(e =>
        {
            e.ToTable("courses_scorm_items");
            e.HasKey(x => new { x.PackageId, x.Order });
            e.Property(x => x.Identifier).HasMaxLength(ScormLimits.Identifier);
            e.Property(x => x.Title).HasMaxLength(TextLimits.Name);
            e.Property(x => x.LaunchUrl).HasMaxLength(ScormLimits.Path);
            e.Property(x => x.MasteryScore).HasMaxLength(16);
            e.Property(x => x.LaunchData).HasMaxLength(TextLimits.Paragraph);
        });
        b.Entity<ScormFile>(e =>
        {
            e.ToTable("courses_scorm_files");
            e.HasKey(x => new { x.PackageId, x.Path });
            e.Property(x => x.Path).HasMaxLength(ScormLimits.Path);
            e.Property(x => x.BlobKey).HasMaxLength(200);
        });
        b.Entity<ScormAttempt>(e =>
        {
            e.ToTable("courses_scorm_attempts");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.ScoIdentifier).HasMaxLength(ScormLimits.Identifier);
            e.Property(x => x.CompletionStatus).HasMaxLength(32);
            e.Property(x => x.SuccessStatus).HasMaxLength(32);
            e.Property(x => x.Exit).HasMaxLength(32);
            e.Property(x => x.Values).HasConversion(
                new ValueConverter<Dictionary<string, string>, string>(
                    v => JsonSerializer.Serialize(v, JsonOptions),
                    v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonOptions) ?? new()),
                new ValueComparer<Dictionary<string, string>>(
                    (a, c) => a!.Count == c!.Count && !a.Except(c).Any(),
                    v => v.Count,
                    v => new Dictionary<string, string>(v)));
            e.HasIndex(x => new { x.EnrolmentId, x.LessonId, x.ScoIdentifier, x.Number }).IsUnique();
        });
    }
}
