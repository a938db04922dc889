using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Learning;
using Training.Abstractions.Security;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

public sealed class AssignmentTests
{
    [Fact]
    public async Task HrAssignsACourseToAUnitSubtreeAndCategoryInScopeWithADueDate()
    {
        using var app = new TrainingApp();
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
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        var outside = await hr.PostFormAsync("/hr/assignments", new Dictionary<string, string>
        {
            ["CourseId"] = course.CourseId.ToString(), ["UnitId"] = schoolB.Id.ToString(), ["DueOn"] = due.ToString("yyyy-MM-dd"),
        });
        Assert.Contains("trong phạm vi quản lý", await outside.Content.ReadAsStringAsync());

        var response = await hr.PostFormAsync("/hr/assignments", new Dictionary<string, string>
        {
            ["CourseId"] = course.CourseId.ToString(), ["UnitId"] = schoolA.Id.ToString(), ["StaffCategories"] = "giáo viên", ["DueOn"] = due.ToString("yyyy-MM-dd"),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã giao khoá học cho 1 cán bộ", await response.Content.ReadAsStringAsync());
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var enrolment = await db.Enrolments.SingleAsync();
            Assert.Equal(teacher.Id, enrolment.UserId);
            Assert.Equal(due, enrolment.DueOn);
            Assert.Equal(EnrolmentSource.Assigned, enrolment.Source);
            var activity = sp.GetRequiredService<ILearningActivity>();
            Assert.Contains(teacher.Id, await activity.GetLearnersInProgressAsync([course.CourseId]));
            Assert.Single(await activity.GetOverdueAssignmentsAsync(due.AddDays(1)));
            Assert.Empty(await activity.GetOverdueAssignmentsAsync(due));
        });
        var learner = app.CreateBrowser();
        await learner.SignInAsync("giaovien");
        Assert.Contains(due.ToString("dd/MM/yyyy"), await learner.GetStringAsync("/learning"));
    }
}
