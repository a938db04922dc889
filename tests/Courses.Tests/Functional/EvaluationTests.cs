using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Security;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>The course evaluation through its pages: authored, required before completion, answered once and
/// anonymously, results hidden under 5 sheets, then shown and exported to trainer and HR; on both databases.</summary>
public sealed class EvaluationTests
{
    private static bool IsForbidden(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden ||
        (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal));

    private static async Task AuthorSurveyAsync(HttpClient trainer, Guid courseId, bool required)
    {
        var url = $"/authoring/{courseId}/evaluation";
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PostFormAsync(url, new Dictionary<string, string> { ["kind"] = "likert", ["text"] = "Nội dung khóa học hữu ích" }, url + "?handler=Add")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PostFormAsync(url, new Dictionary<string, string> { ["kind"] = "text", ["text"] = "Góp ý thêm" }, url + "?handler=Add")).StatusCode);
        var empty = await trainer.PostFormAsync(url, new Dictionary<string, string> { ["kind"] = "likert", ["text"] = "" }, url + "?handler=Add");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Nội dung: chưa nhập", await empty.Content.ReadAsStringAsync());
        if (required) Assert.Equal(HttpStatusCode.Redirect, (await trainer.PostFormAsync(url, new Dictionary<string, string> { ["required"] = "true" }, url + "?handler=Settings")).StatusCode);
    }

    private static async Task<Dictionary<string, Guid>> ItemsAsync(TrainingApp app, Guid courseId) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().EvaluationItems.Where(i => i.CourseId == courseId)
            .ToDictionaryAsync(i => i.Text, i => i.Id));

    private static Dictionary<string, string> Sheet(Dictionary<string, Guid> items, string score, string comment) => new()
    {
        [$"e_{items["Nội dung khóa học hữu ích"]}"] = score, [$"e_{items["Góp ý thêm"]}"] = comment,
    };

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ARequiredSurveyHoldsCompletionUntilAnsweredOnceAndAnonymously(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var (trainer, learner, course, client) = await app.ArrangeClassroomAsync();
        var trainerClient = app.CreateBrowser();
        await trainerClient.SignInAsync("giangvien");
        await AuthorSurveyAsync(trainerClient, course.CourseId, required: true);
        var items = await ItemsAsync(app, course.CourseId);

        await client.CompleteAsync(app, course);
        int Completions() => app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync()).GetAwaiter().GetResult();
        Assert.Equal(0, Completions());

        var url = $"/courses/{course.Code}/evaluation";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var missing = await client.PostFormAsync(url, Sheet(items, "", "Tốt"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Câu 1: hãy chọn một mức từ 1 đến 5", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFormAsync(url, Sheet(items, "9", ""))).StatusCode);
        Assert.Equal(0, Completions());

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, Sheet(items, "4", "Nên có thêm ví dụ"))).StatusCode);
        Assert.Equal(1, Completions());
        var again = await client.PostFormAsync(url, Sheet(items, "1", "Lần hai"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            Assert.Equal(1, await db.EvaluationResponses.CountAsync());
            Assert.Equal(learner.Id, (await db.EvaluationAnswered.SingleAsync()).UserId);
            // The sheet's tables have no user column at all; the answer holds only score and text.
            Assert.Null(db.Model.FindEntityType(typeof(EvaluationResponse))!.FindProperty("UserId"));
            Assert.Null(db.Model.FindEntityType(typeof(EvaluationAnswer))!.FindProperty("UserId"));
            Assert.Equal(2, await db.EvaluationAnswers.CountAsync());
        });

        var results = await trainerClient.GetAsync($"/authoring/{course.CourseId}/evaluation");
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        var html = await results.Content.ReadAsStringAsync();
        Assert.Contains("Chưa đủ 5 phiếu trả lời", html);
        Assert.DoesNotContain("Nên có thêm ví dụ", html);
        Assert.Equal(HttpStatusCode.BadRequest, (await trainerClient.GetAsync($"/authoring/{course.CourseId}/evaluation?handler=Export&format=csv")).StatusCode);
    }

    [Fact]
    public async Task ASheetSentAfterMidnightInVietnamIsDatedThatDayNotTheUtcDay()
    {
        // 17:30 UTC on one day is 00:30 on the next in Vietnam: the sheet belongs to the Vietnamese day.
        var utcDay = DateTimeOffset.UtcNow.UtcDateTime.Date;
        var clock = new FakeTimeProvider(new DateTimeOffset(utcDay.AddHours(17).AddMinutes(30), TimeSpan.Zero));
        using var app = new TrainingApp();
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        var trainer = app.CreateBrowser();
        await trainer.SignInAsync("giangvien");
        await AuthorSurveyAsync(trainer, course.CourseId, required: false);
        var items = await ItemsAsync(app, course.CourseId);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/courses/{course.Code}/evaluation", Sheet(items, "5", ""))).StatusCode);

        var vietnamDay = DateOnly.FromDateTime(utcDay).AddDays(1);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            Assert.Equal(vietnamDay, (await db.EvaluationResponses.SingleAsync()).SubmittedOn);
            Assert.Equal(vietnamDay, (await db.EvaluationAnswered.SingleAsync()).AnsweredOn);
        });
    }

    [Fact]
    public async Task FromFiveSheetsTheResultsAreShownAndExportedToTrainerAndScopedHr()
    {
        using var app = new TrainingApp();
        var unit = await app.CreateUnitAsync("Sở Tư pháp");
        var other = await app.CreateUnitAsync("Sở Y tế");
        var (_, _, course, first) = await app.ArrangeClassroomAsync();
        var trainer = app.CreateBrowser();
        await trainer.SignInAsync("giangvien");
        await AuthorSurveyAsync(trainer, course.CourseId, required: false);
        var items = await ItemsAsync(app, course.CourseId);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/courses/{course.Code}/evaluation", Sheet(items, "2", ""))).StatusCode);
        for (var i = 1; i <= 4; i++)
        {
            await app.CreateUserAsync($"hocvien{i}", BuiltInRoles.Learner, unit: i <= 2 ? unit : other);
            var c = app.CreateBrowser();
            await c.SignInAsync($"hocvien{i}");
            await c.EnrolAsync(course.Code);
            Assert.Equal(HttpStatusCode.Redirect, (await c.PostFormAsync($"/courses/{course.Code}/evaluation", Sheet(items, "5", $"Ý kiến {i}"))).StatusCode);
        }

        var page = await trainer.GetAsync($"/authoring/{course.CourseId}/evaluation");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("(5 phiếu)", html);
        Assert.Contains("4,40", html);
        Assert.Contains("Ý kiến 3", html);
        var csv = await trainer.GetAsync($"/authoring/{course.CourseId}/evaluation?handler=Export&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Nội dung khóa học hữu ích,5,4.40,0,1,0,0,4", await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync($"/authoring/{course.CourseId}/evaluation?handler=Export&format=xlsx")).StatusCode);

        // HR of one unit sees only the two sheets from that unit: too few to show.
        await app.CreateUserAsync("nhansu", BuiltInRoles.HR, unit: unit, scope: unit);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("nhansu");
        var list = await hr.GetAsync("/hr/evaluations");
        Assert.True(list.StatusCode == HttpStatusCode.OK, $"{list.StatusCode} {list.Headers.Location}");
        Assert.Contains($"/hr/evaluations/{course.Code}", await list.Content.ReadAsStringAsync());
        var scoped = await hr.GetAsync($"/hr/evaluations/{course.Code}");
        Assert.Equal(HttpStatusCode.OK, scoped.StatusCode);
        var scopedHtml = await scoped.Content.ReadAsStringAsync();
        Assert.Contains("(2 phiếu)", scopedHtml);
        Assert.Contains("Chưa đủ 5 phiếu trả lời", scopedHtml);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync($"/hr/evaluations/{course.Code}?handler=Export&format=csv")).StatusCode);

        // A learner cannot see results; another trainer cannot open this course's survey.
        var learnerResults = await first.GetAsync($"/hr/evaluations/{course.Code}");
        Assert.NotEqual(HttpStatusCode.OK, learnerResults.StatusCode);
        await app.CreateUserAsync("giangvienkhac", BuiltInRoles.Trainer);
        var otherTrainer = app.CreateBrowser();
        await otherTrainer.SignInAsync("giangvienkhac");
        Assert.True(IsForbidden(await otherTrainer.GetAsync($"/authoring/{course.CourseId}/evaluation")));
        // The antiforgery token comes from a page this trainer may open.
        Assert.True(IsForbidden(await otherTrainer.PostFormAsync("/authoring",
            new Dictionary<string, string> { ["required"] = "true" }, $"/authoring/{course.CourseId}/evaluation?handler=Settings")));
    }

    [Fact]
    public async Task ACourseWithoutASurveyHasNoEvaluationPage()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/courses/{course.Code}/evaluation")).StatusCode);
    }
}
