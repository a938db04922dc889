using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;

namespace Training.Courses.Tests.Data;

/// <summary>The migration that adds the unique indexes first repairs what the old per-person assignment left behind.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DuplicatesLeftByTheOldAssignmentAreRepairedBeforeTheUniqueIndexesAreCreated(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var (_, learner, course, _) = await app.ArrangeClassroomAsync();
        var (earliest, laterRun) = (Guid.NewGuid(), Guid.NewGuid());
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var mine = migrations.FindIndex(m => m.EndsWith("_Courses_LimitsReviewAssignmentKey", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[mine - 1]);

            var now = DateTimeOffset.UtcNow;
            db.Assignments.AddRange(
                new Assignment { Id = earliest, CourseId = course.CourseId, UserId = learner.Id, DueOn = new DateOnly(2027, 1, 1), AssignedBy = "hr", AssignedAt = now.AddDays(-2), Target = "A" },
                new Assignment { Id = Guid.NewGuid(), CourseId = course.CourseId, UserId = learner.Id, DueOn = new DateOnly(2027, 2, 1), AssignedBy = "hr", AssignedAt = now.AddDays(-1), Target = "A" });
            db.Enrolments.Add(new Enrolment
            {
                Id = laterRun, UserId = learner.Id, CourseId = course.CourseId, VersionId = course.VersionId, Source = EnrolmentSource.Assigned,
                EnrolledAt = now, IsCurrent = true,
            });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            await migrator.MigrateAsync();

            Assert.Equal(earliest, await db.Assignments.Select(a => a.Id).SingleAsync());
            Assert.Equal(2, await db.Enrolments.CountAsync());
            Assert.Equal(laterRun, await db.Enrolments.Where(e => e.IsCurrent).Select(e => e.Id).SingleAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        });
    }
}
