using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

public sealed class ApiAndClassTests
{
    [Fact]
    public async Task CoursesApiListsPublishedCoursesWithLessonAndQuestionCounts()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.CreatePublishedCourseAsync(trainer.Id, questions: 5);

        var response = await app.CreateClient().GetAsync("/api/courses");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var course = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("TEST-01", course.GetProperty("code").GetString());
        Assert.Equal(2, course.GetProperty("lessonCount").GetInt32());
        Assert.Equal(5, course.GetProperty("questionCount").GetInt32());
    }

    [Fact]
    public async Task BothApisAreDescribedInOpenApi()
    {
        using var app = new TrainingApp();
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/courses\"", json);
        Assert.Contains("\"/api/xapi/statements\"", json);
        Assert.DoesNotContain("/api/courses/ping", json);
    }

    [Fact]
    public async Task TheBenchmarkPingIsNotPartOfTheProduct()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var client = app.CreateBrowser();
        await client.SignInAsync("hocvien");
        // Signed in, so the answer is the router's (anonymous callers meet the sign-in requirement first).
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/courses/ping")).StatusCode);
    }

    [Fact]
    public async Task XapiExportIsInXapiFormatScopedToTheCallersUnitsAndRefusedToLearners()
    {
        using var app = new TrainingApp();
        var province = await app.CreateUnitAsync("Sở Giáo dục");
        var schoolA = await app.CreateUnitAsync("Trường A", province);
        var schoolB = await app.CreateUnitAsync("Trường B", province);
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.CreateUserAsync("hocviena", BuiltInRoles.Learner, schoolA);
        await app.CreateUserAsync("hocvienb", BuiltInRoles.Learner, schoolB);
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, schoolA, scope: schoolA);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        foreach (var name in new[] { "hocviena", "hocvienb" })
        {
            var c = app.CreateBrowser();
            await c.SignInAsync(name);
            await c.EnrolAsync(course.Code);
            await c.CompleteAsync(app, course);
        }
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocviena");
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/api/xapi/statements")).StatusCode);

        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb");
        var response = await hr.GetAsync("/api/xapi/statements");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var statements = json.RootElement.GetProperty("statements").EnumerateArray().ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Equal("mailto:hocviena@test.local", s.GetProperty("actor").GetProperty("mbox").GetString()));
        var completed = statements.Single(s => s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/completed"
            && s.GetProperty("object").GetProperty("id").GetString()!.EndsWith($"/courses/{course.Code}"));
        Assert.Equal(1m, completed.GetProperty("result").GetProperty("score").GetProperty("scaled").GetDecimal());
        Assert.True(completed.GetProperty("result").GetProperty("success").GetBoolean());
        Assert.Contains(statements, s => s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/passed");

        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync($"/api/xapi/statements?unit={schoolB.Id}")).StatusCode);
        var future = await hr.GetStringAsync($"/api/xapi/statements?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}");
        Assert.Equal(0, JsonDocument.Parse(future).RootElement.GetProperty("statements").GetArrayLength());
    }

    [Fact]
    public async Task ClassAttendanceWithAPassCompletesTheCourseLikeTheOnlinePath()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var learnerUser = await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        await app.CreateUserAsync("vangmat", BuiltInRoles.Learner);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var author = app.CreateBrowser();
        await author.SignInAsync("giangvien");
        var create = await author.PostFormAsync($"/authoring/{course.CourseId}/classes", new Dictionary<string, string>
        {
            ["StartsAt"] = "2026-12-01T08:00", ["Place"] = "Hội trường Sở", ["Capacity"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var classId = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Classes.Select(c => c.Id).SingleAsync());
        foreach (var name in new[] { "hocvien", "vangmat" })
        {
            var c = app.CreateBrowser();
            await c.SignInAsync(name);
            var register = await c.PostFormAsync($"/courses/{course.Code}", new Dictionary<string, string> { ["classId"] = classId.ToString() }, $"/courses/{course.Code}?handler=Register");
            Assert.Contains("Đã đăng ký lớp tập huấn", await register.Content.ReadAsStringAsync());
        }

        var vangmat = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Registrations.Where(r => r.UserId != learnerUser.Id).Select(r => r.UserId).SingleAsync());
        var attendance = await author.PostFormAsync($"/authoring/classes/{classId}", new Dictionary<string, string>
        {
            [$"a_{learnerUser.Id}"] = "true", [$"r_{learnerUser.Id}"] = "90",
            [$"r_{vangmat}"] = "95",
        });

        Assert.Equal(HttpStatusCode.OK, attendance.StatusCode);
        Assert.Contains("1 học viên hoàn thành", await attendance.Content.ReadAsStringAsync());
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var completion = await db.Completions.SingleAsync();
            Assert.Equal(learnerUser.Id, completion.UserId);
            Assert.Equal(classId, completion.ClassId);
            Assert.Equal(90m, completion.ScorePercent);
            Assert.Equal(1, await db.Outbox.CountAsync());
        });
    }
}
