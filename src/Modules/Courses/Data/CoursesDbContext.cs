using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Training.Abstractions.Text;
using Training.Platform.Outbox;

namespace Training.Courses.Data;

public class CoursesDbContext : DbContext, IHasOutbox
{
    public CoursesDbContext(DbContextOptions<CoursesDbContext> options) : base(options) { }

    protected CoursesDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseOwner> Owners => Set<CourseOwner>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<CourseVersion> Versions => Set<CourseVersion>();
    public DbSet<VersionLesson> VersionLessons => Set<VersionLesson>();
    public DbSet<VersionQuestion> VersionQuestions => Set<VersionQuestion>();
    public DbSet<EvaluationForm> EvaluationForms => Set<EvaluationForm>();
    public DbSet<EvaluationItem> EvaluationItems => Set<EvaluationItem>();
    public DbSet<EvaluationResponse> EvaluationResponses => Set<EvaluationResponse>();
    public DbSet<EvaluationAnswer> EvaluationAnswers => Set<EvaluationAnswer>();
    public DbSet<EvaluationAnswered> EvaluationAnswered => Set<EvaluationAnswered>();
    public DbSet<LessonCitation> Citations => Set<LessonCitation>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<LessonProgress> Progress => Set<LessonProgress>();
    public DbSet<QuizAttempt> Attempts => Set<QuizAttempt>();
    public DbSet<Completion> Completions => Set<Completion>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<CycleAssignment> CycleAssignments => Set<CycleAssignment>();
    public DbSet<AudienceCourse> AudienceCourses => Set<AudienceCourse>();
    public DbSet<AssignmentHistory> AssignmentHistory => Set<AssignmentHistory>();
    public DbSet<TrainingClass> Classes => Set<TrainingClass>();
    public DbSet<ClassRegistration> Registrations => Set<ClassRegistration>();
    public DbSet<XapiStatement> Statements => Set<XapiStatement>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.MapOutbox("courses_outbox");
        b.Entity<Course>(e =>
        {
            e.ToTable("courses_courses");
            // Columns hold the TextLimits the forms enforce (titles keep their older, wider 300).
            e.Property(x => x.Code).HasMaxLength(TextLimits.Code);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Summary).HasMaxLength(TextLimits.Paragraph);
            e.Property(x => x.Category).HasMaxLength(TextLimits.Name);
            e.Property(x => x.Audience).HasMaxLength(1000);
            e.Property(x => x.UpdateRequestedBy).HasMaxLength(450);
            e.Property(x => x.UpdateReason).HasMaxLength(TextLimits.Paragraph);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasMany(x => x.Owners).WithOne().HasForeignKey(x => x.CourseId);
            e.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.CourseId);
            e.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.CourseId);
        });
        b.Entity<CourseOwner>(e =>
        {
            e.ToTable("courses_owners");
            e.HasKey(x => new { x.CourseId, x.UserId });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<Section>(e =>
        {
            e.ToTable("courses_sections");
            e.Property(x => x.Title).HasMaxLength(TextLimits.Line);
            e.HasMany(x => x.Lessons).WithOne().HasForeignKey(x => x.SectionId);
        });
        b.Entity<Lesson>(e =>
        {
            e.ToTable("courses_lessons");
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasIndex(x => x.CourseId);
        });
        b.Entity<Question>(e =>
        {
            e.ToTable("courses_questions");
            e.Property(x => x.Options).HasConversion(Json<List<string>>(), JsonComparer<List<string>>());
            e.Property(x => x.Correct).HasConversion(Json<List<int>>(), JsonComparer<List<int>>());
            e.Property(x => x.Accepted).HasConversion(Json<List<string>>(), JsonComparer<List<string>>());
            e.Property(x => x.Tolerance).HasPrecision(18, 6);
            e.Property(x => x.Citation).HasMaxLength(TextLimits.Line);
        });
        b.Entity<CourseVersion>(e =>
        {
            e.ToTable("courses_versions");
            e.Property(x => x.Code).HasMaxLength(TextLimits.Code);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Summary).HasMaxLength(TextLimits.Paragraph);
            e.Property(x => x.Category).HasMaxLength(TextLimits.Name);
            e.Property(x => x.Audience).HasMaxLength(1000);
            e.Property(x => x.PublishedBy).HasMaxLength(450);
            e.HasIndex(x => new { x.CourseId, x.Version }).IsUnique();
        });
        b.Entity<VersionLesson>(e =>
        {
            e.ToTable("courses_version_lessons");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.SectionTitle).HasMaxLength(TextLimits.Line);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.HasIndex(x => new { x.VersionId, x.Number });
        });
        b.Entity<VersionQuestion>(e =>
        {
            e.ToTable("courses_version_questions");
            e.Property(x => x.Options).HasConversion(Json<List<string>>(), JsonComparer<List<string>>());
            e.Property(x => x.Correct).HasConversion(Json<List<int>>(), JsonComparer<List<int>>());
            e.Property(x => x.Accepted).HasConversion(Json<List<string>>(), JsonComparer<List<string>>());
            e.Property(x => x.Tolerance).HasPrecision(18, 6);
            e.Property(x => x.Citation).HasMaxLength(TextLimits.Line);
            e.HasIndex(x => x.VersionId);
        });
        EvaluationModel.Configure(b);
        b.Entity<LessonCitation>(e =>
        {
            e.ToTable("courses_lesson_citations");
            e.HasKey(x => new { x.LessonId, x.ArticleKey });
            e.Property(x => x.ArticleKey).HasMaxLength(300);
            e.HasIndex(x => x.ArticleKey);
        });
        b.Entity<Enrolment>(e =>
        {
            e.ToTable("courses_enrolments");
            e.Property(x => x.UserId).HasMaxLength(450);
            // One current run per learner and course: a concurrent second enrolment (self-enrolment racing a bulk
            // assignment) fails here instead of leaving two. The filter reads the same on SQLite and PostgreSQL.
            e.HasIndex(x => new { x.UserId, x.CourseId }).IsUnique().HasFilter("\"IsCurrent\"");
            // Covers ILearningActivity.GetLearnersInProgressAsync (course, current run, not completed → learner) without
            // reading the table: about 1 s → 0.15 s over 1,000,000 enrolments on SQLite. Its prefix serves lookups by course.
            e.HasIndex(x => new { x.CourseId, x.IsCurrent, x.CompletedAt, x.UserId });
        });
        b.Entity<LessonProgress>(e =>
        {
            e.ToTable("courses_lesson_progress");
            e.HasKey(x => new { x.EnrolmentId, x.LessonId });
        });
        b.Entity<QuizAttempt>(e =>
        {
            e.ToTable("courses_attempts");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Drawn).HasConversion(Json<List<DrawnQuestion>>(), JsonComparer<List<DrawnQuestion>>());
            e.Property(x => x.Answers).HasConversion(Json<List<GivenAnswer>>(), JsonComparer<List<GivenAnswer>>());
            // One attempt number per quiz of a run: a concurrent second start of the same quiz fails here.
            e.HasIndex(x => new { x.EnrolmentId, x.Section, x.Number }).IsUnique();
        });
        b.Entity<Completion>(e =>
        {
            e.ToTable("courses_completions");
            e.Property(x => x.UserId).HasMaxLength(450);
            // One completion per run: a concurrent second writer fails here.
            e.HasIndex(x => x.EnrolmentId).IsUnique();
            e.HasIndex(x => new { x.UserId, x.CourseId });
        });
        b.Entity<Assignment>(e =>
        {
            e.ToTable("courses_assignments");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.AssignedBy).HasMaxLength(450);
            e.Property(x => x.Target).HasMaxLength(TextLimits.Paragraph);
            // The natural key: a person is assigned a course once. Bulk assignment inserts only the missing pairs.
            e.HasIndex(x => new { x.CourseId, x.UserId }).IsUnique();
            e.Property(x => x.ClosedReason).HasMaxLength(TextLimits.Line);
            e.HasIndex(x => new { x.AudienceId, x.CourseId });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<AudienceCourse>(e =>
        {
            e.ToTable("courses_audience_courses");
            e.Property(x => x.CreatedBy).HasMaxLength(450);
            e.HasIndex(x => new { x.AudienceId, x.CourseId }).IsUnique();
            e.HasIndex(x => x.CourseId);
        });
        b.Entity<AssignmentHistory>(e =>
        {
            e.ToTable("courses_assignment_history");
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(TextLimits.Line);
            e.HasIndex(x => x.AssignmentId);
        });
        b.Entity<CycleAssignment>(e =>
        {
            e.ToTable("courses_cycle_assignments");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.ProgrammeName).HasMaxLength(300);
            e.Property(x => x.CourseCode).HasMaxLength(TextLimits.Code);
            e.Property(x => x.Reason).HasMaxLength(32);
            // The handler's idempotency key: a redelivered RecertificationOpened adds nothing.
            e.HasIndex(x => new { x.UserId, x.ProgrammeId, x.Cycle, x.CourseId }).IsUnique();
            e.HasIndex(x => new { x.CourseId, x.DueOn });
        });
        b.Entity<TrainingClass>(e =>
        {
            e.ToTable("courses_classes");
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.TrainerId).HasMaxLength(450);
            e.Property(x => x.TrainerName).HasMaxLength(200);
            e.HasIndex(x => x.CourseId);
        });
        b.Entity<ClassRegistration>(e =>
        {
            e.ToTable("courses_class_registrations");
            e.HasKey(x => new { x.ClassId, x.UserId });
            e.Property(x => x.FullName).HasMaxLength(200);
        });
        b.Entity<XapiStatement>(e =>
        {
            e.ToTable("courses_xapi_statements");
            e.Property(x => x.Verb).HasMaxLength(200);
            e.Property(x => x.ObjectPath).HasMaxLength(500);
            e.Property(x => x.ObjectName).HasMaxLength(300);
            e.Property(x => x.ObjectType).HasMaxLength(50);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.ActorEmail).HasMaxLength(256);
            e.HasIndex(x => x.Timestamp);
        });
        Scorm.Data.ScormModel.Configure(b);

        if (Database.IsSqlite())
        {
            // SQLite cannot compare or sort DateTimeOffset and decimal stored as text: store them as numbers.
            foreach (var entity in b.Model.GetEntityTypes())
            {
                foreach (var p in entity.GetProperties())
                {
                    if (p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?))
                        p.SetValueConverter(new DateTimeOffsetToBinaryConverter());
                    else if (p.ClrType == typeof(decimal) || p.ClrType == typeof(decimal?))
                        p.SetValueConverter(new ValueConverter<decimal, double>(v => (double)v, v => (decimal)v));
                }
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static ValueConverter<T, string> Json<T>() where T : new() =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), v => JsonSerializer.Deserialize<T>(v, JsonOptions) ?? new T());

    internal static ValueComparer<T> JsonComparer<T>() => new(
        (a, c) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(c, JsonOptions),
        v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions)!);
}

public sealed class CoursesSqliteDbContext(DbContextOptions<CoursesSqliteDbContext> options) : CoursesDbContext(options);

public sealed class CoursesPostgresDbContext(DbContextOptions<CoursesPostgresDbContext> options) : CoursesDbContext(options);
