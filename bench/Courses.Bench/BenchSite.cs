using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Organisation.Data;
using Training.Testing;

namespace Training.Courses.Bench;

/// <summary>The site in memory with the generated organisation, an HR officer scoped to its root and published courses.</summary>
internal sealed record BenchSite(TrainingApp App, OrgUnit Root, string TrainerId)
{
    public static async Task<BenchSite> CreateAsync(TrainingApp app, int people)
    {
        var root = await Staff.GenerateAsync(app, people);
        await app.CreateUserAsync("benchhr", BuiltInRoles.HR, root, scope: root);
        var trainer = await app.CreateUserAsync("benchtrainer", BuiltInRoles.Trainer);
        return new BenchSite(app, root, trainer.Id);
    }

    public Task<TestCourse> CourseAsync(string code) => App.CreatePublishedCourseAsync(TrainerId, code);

    public async Task<HttpClient> HrAsync()
    {
        var client = App.CreateBrowser();
        client.Timeout = TimeSpan.FromMinutes(5);
        await client.SignInAsync("benchhr");
        return client;
    }

    public static Task<HttpResponseMessage> AssignAsync(HttpClient hr, TestCourse course, OrgUnit unit) =>
        hr.PostFormAsync("/hr/assignments", new Dictionary<string, string>
        {
            ["CourseId"] = course.CourseId.ToString(), ["UnitId"] = unit.Id.ToString(),
            ["DueOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd"),
        });

    public Task<int> AssignmentsAsync(Guid courseId) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Assignments.CountAsync(a => a.CourseId == courseId));
}
