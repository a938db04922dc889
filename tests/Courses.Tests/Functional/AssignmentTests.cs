using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Learning;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Organisation.Data;

namespace Training.Courses.Tests.Functional;

public sealed class AssignmentTests
{
    private sealed record World(TrainingApp App, OrgUnit SchoolA, OrgUnit SchoolB, TrainingUser Teacher, TestCourse Course, HttpClient Hr);

    private static async Task<World> ArrangeAsync(TestDatabase database = TestDatabase.Sqlite, Action<IServiceCollection>? services = null)
    {
        var app = new TrainingApp(database: database);
        if (services is not null) app.WithServices(services);
        var province = await app.CreateUnitAsync("Sở Giáo dục");
        var schoolA = await app.CreateUnitAsync("Trường A", province);
        var teamA = await app.CreateUnitAsync("Tổ Tin học", schoolA);
        var schoolB = await app.CreateUnitAsync("Trường B", province);
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var teacher = await app.CreateUserAsync("giaovien", BuiltInRoles.Learner, teamA, category: "giáo viên");
        await app.CreateUserAsync("nhanvien", BuiltInRoles.Learner, schoolA, category: "nhân viên");
        await app.CreateUserAsync("truongb", BuiltInRoles.Learner, schoolB, category: "giáo viên");
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, schoolA, scope: schoolA);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb");
        return new World(app, schoolA, schoolB, teacher, course, hr);
    }

    private static Task<HttpResponseMessage> AssignAsync(World w, OrgUnit unit, DateOnly due, string? category = null)
    {
        var fields = new Dictionary<string, string> { ["CourseId"] = w.Course.CourseId.ToString(), ["UnitId"] = unit.Id.ToString(), ["DueOn"] = due.ToString("yyyy-MM-dd") };
        if (category is not null) fields["StaffCategories"] = category;
        return w.Hr.PostFormAsync("/hr/assignments", fields);
    }

    private static Task<(int Assignments, int Enrolments, int Statements)> CountsAsync(TrainingApp app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CoursesDbContext>();
        return (await db.Assignments.CountAsync(), await db.Enrolments.CountAsync(), await db.Statements.CountAsync());
    });

    private static DateOnly Due => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

    [Fact]
    public async Task ProgressCountsOpenAssignmentsOnlyNotOnesClosedWhenThePersonLeftTheAudience()
    {
        var w = await ArrangeAsync();
        using var _ = w.App;
        var other = await w.App.CreatePublishedCourseAsync((await w.App.CreateUserAsync("giangvien2", BuiltInRoles.Trainer)).Id, code: "KHAC-01");
        var overdue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        await w.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            db.Assignments.Add(new Assignment { Id = Guid.NewGuid(), CourseId = w.Course.CourseId, UserId = w.Teacher.Id, DueOn = overdue, AssignedBy = "test", AssignedAt = DateTimeOffset.UtcNow, Target = "test" });
            db.Assignments.Add(new Assignment { Id = Guid.NewGuid(), CourseId = other.CourseId, UserId = w.Teacher.Id, DueOn = overdue, AssignedBy = "test", AssignedAt = DateTimeOffset.UtcNow, Target = "test",
                AudienceId = Guid.NewGuid(), ClosedAt = DateTimeOffset.UtcNow, ClosedReason = "Rời nhóm đối tượng" });
            await db.SaveChangesAsync();
            return 0;
        });

        var progress = await w.App.WithScopeAsync(sp => sp.GetRequiredService<ILearnerProgress>().GetProgressAsync([w.Teacher.Id], DateOnly.FromDateTime(DateTime.UtcNow)));

        var teacher = progress[w.Teacher.Id];
        Assert.Equal((1, 1), (teacher.Assigned, teacher.Overdue));
    }

    [Fact]
    public async Task HrAssignsACourseToAUnitSubtreeAndCategoryInScopeWithADueDate()
    {
        var w = await ArrangeAsync();
        using var _ = w.App;

        var outside = await AssignAsync(w, w.SchoolB, Due);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("trong phạm vi quản lý", await outside.Content.ReadAsStringAsync());

        var response = await AssignAsync(w, w.SchoolA, Due, "giáo viên");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã giao khóa học cho 1 cán bộ.", await response.Content.ReadAsStringAsync());
        await w.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var enrolment = await db.Enrolments.SingleAsync();
            Assert.Equal(w.Teacher.Id, enrolment.UserId);
            Assert.Equal(Due, enrolment.DueOn);
            Assert.Equal(EnrolmentSource.Assigned, enrolment.Source);
            Assert.Equal(w.Course.VersionId, enrolment.VersionId);
            var statement = await db.Statements.SingleAsync();
            Assert.Equal("Người dùng giaovien", statement.ActorName);
            Assert.Equal(Services.XapiVerbs.Registered, statement.Verb);
            var activity = sp.GetRequiredService<ILearningActivity>();
            Assert.Contains(w.Teacher.Id, await activity.GetLearnersInProgressAsync([w.Course.CourseId]));
            Assert.Single(await activity.GetOverdueAssignmentsAsync(Due.AddDays(1)));
            Assert.Empty(await activity.GetOverdueAssignmentsAsync(Due));
        });
        var learner = w.App.CreateBrowser();
        await learner.SignInAsync("giaovien");
        Assert.Contains(Due.ToString("dd/MM/yyyy"), await learner.GetStringAsync("/learning"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task RunningTheSameAssignmentAgainAddsNothingAndSaysSo(TestDatabase database)
    {
        var w = await ArrangeAsync(database);
        using var _ = w.App;
        // Trường A holds the teacher (in its Tổ Tin học), the staff member and the HR officer herself.
        Assert.Contains("Đã giao khóa học cho 3 cán bộ.", await (await AssignAsync(w, w.SchoolA, Due)).Content.ReadAsStringAsync());
        var before = await CountsAsync(w.App);

        var again = await AssignAsync(w, w.SchoolA, Due.AddDays(5));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("Đã giao khóa học cho 0 cán bộ.", html);
        Assert.Contains("3 người trong đối tượng đã được giao khóa học này từ trước", html);
        Assert.Equal(before, await CountsAsync(w.App));
        Assert.Equal((3, 3, 3), before);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheUniqueIndexRefusesASecondAssignmentOfTheSameCourseToTheSamePerson(TestDatabase database)
    {
        var w = await ArrangeAsync(database);
        using var _ = w.App;
        await AssignAsync(w, w.SchoolA, Due);

        var duplicate = await Record.ExceptionAsync(() => w.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            db.Assignments.Add(new Assignment { Id = Guid.NewGuid(), CourseId = w.Course.CourseId, UserId = w.Teacher.Id, DueOn = Due, AssignedBy = "x", Target = "x" });
            await db.SaveChangesAsync();
        }));

        Assert.IsType<DbUpdateException>(duplicate);
    }

    [Fact]
    public async Task AFailureAtTheEndOfTheWriteLeavesNothingOfTheBatchBehind()
    {
        var failing = new FailOnDueDateUpdate();
        var w = await ArrangeAsync(services: s => s.ConfigureDbContext<CoursesSqliteDbContext>(b => b.AddInterceptors(failing)));
        using var _ = w.App;
        var teacher = w.App.CreateBrowser();
        await teacher.SignInAsync("giaovien");
        await teacher.EnrolAsync(w.Course.Code);
        Assert.Equal((0, 1, 1), await CountsAsync(w.App));

        // The teacher's due date is the last write of the batch, after every insert: it fails.
        var response = await AssignAsync(w, w.SchoolA, Due);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(failing.Failed);
        Assert.Equal((0, 1, 1), await CountsAsync(w.App));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AConcurrentSelfEnrolmentOrAssignmentNeverLeavesTwoRowsForOnePerson(TestDatabase database)
    {
        var w = await ArrangeAsync(database);
        using var _ = w.App;
        var teacher = w.App.CreateBrowser();
        await teacher.SignInAsync("giaovien");
        var hr2 = w.App.CreateBrowser();
        await hr2.SignInAsync("tccb");

        await Task.WhenAll(AssignAsync(w, w.SchoolA, Due), AssignAsync(w with { Hr = hr2 }, w.SchoolA, Due), teacher.EnrolAsync(w.Course.Code));

        await w.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            Assert.Equal(3, await db.Assignments.CountAsync());
            Assert.Equal(3, await db.Enrolments.CountAsync());
            Assert.Equal(3, await db.Enrolments.Select(e => e.UserId).Distinct().CountAsync());
        });
    }

    [Fact]
    public async Task ALearnerWhoEnrolledAlreadyKeepsTheRunAndGetsTheDueDate()
    {
        var w = await ArrangeAsync();
        using var _ = w.App;
        var teacher = w.App.CreateBrowser();
        await teacher.SignInAsync("giaovien");
        await teacher.EnrolAsync(w.Course.Code);

        await AssignAsync(w, w.SchoolA, Due, "giáo viên");

        var enrolment = await w.App.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Enrolments.SingleAsync());
        Assert.Equal(EnrolmentSource.Self, enrolment.Source);
        Assert.Equal(Due, enrolment.DueOn);
    }

    [Fact]
    public async Task AnUnknownStaffCategoryIsRefused()
    {
        var w = await ArrangeAsync();
        using var _ = w.App;

        var response = await AssignAsync(w, w.SchoolA, Due, new string('x', 5_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không có trong danh sách", await response.Content.ReadAsStringAsync());
        Assert.Equal((0, 0, 0), await CountsAsync(w.App));
    }

    /// <summary>Fails the update of due dates, which comes after the inserts of assignments, enrolments and statements
    /// in the same transaction.</summary>
    private sealed class FailOnDueDateUpdate : DbCommandInterceptor
    {
        public bool Failed { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!command.CommandText.Contains("UPDATE \"courses_enrolments\"", StringComparison.Ordinal))
                return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
            Failed = true;
            throw new InvalidOperationException("Simulated crash at the end of the assignment.");
        }
    }
}
