using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;

namespace Training.Courses.Tests.Data;

/// <summary>Courses migrations keep existing data: the unique indexes first repair what the old per-person assignment left
/// behind; attempts from before section quizzes become final-quiz attempts.</summary>
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
            // The rows go in through SQL with the columns of that older schema (the entity has columns added later).
            var sqlite = db.Database.IsSqlite();
            object G(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
            object D(DateOnly d) => sqlite ? d.ToString("yyyy-MM-dd") : d;
            object T(DateTimeOffset t) => sqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(t)! : t.ToUniversalTime();
            foreach (var (id, due, at) in new[] { (earliest, new DateOnly(2027, 1, 1), now.AddDays(-2)), (Guid.NewGuid(), new DateOnly(2027, 2, 1), now.AddDays(-1)) })
                await db.Database.ExecuteSqlRawAsync("INSERT INTO \"courses_assignments\" (\"Id\", \"CourseId\", \"UserId\", \"DueOn\", \"AssignedBy\", \"AssignedAt\", \"Target\") " +
                    "VALUES ({0}, {1}, {2}, {3}, 'hr', {4}, 'A')", G(id), G(course.CourseId), learner.Id, D(due), T(at));
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

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AttemptsFromBeforeSectionQuizzesBecomeFinalQuizAttempts(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var (_, _, course, client) = await app.ArrangeClassroomAsync(attemptLimit: 2);
        var before = await client.StartAttemptAsync(course.Code);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var mine = migrations.FindIndex(m => m.EndsWith("_Sections_SectionQuizzes", StringComparison.Ordinal));
            // Down to the schema without section quizzes (the attempt row survives), then up again.
            await migrator.MigrateAsync(migrations[mine - 1]);
            await migrator.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        });
        var attempt = await app.AttemptAsync(before);
        Assert.Equal(0, attempt.Section);
        Assert.Equal(AttemptStatus.Open, attempt.Status);
        // The old attempt is the final quiz's open attempt: starting again resumes it, and it completes the course as before.
        Assert.Equal(before, await client.StartAttemptAsync(course.Code));
        await client.ReadAllLessonsAsync(app, course);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SubmitAsync(app, before, attempt.Drawn.Count)).StatusCode);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync(c => c.AttemptId == before)));
    }
}
