using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Events;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

public sealed class LearningFlowTests
{
    [Fact]
    public async Task LearnerFailsThenPassesAndOneCourseCompletedIsEnqueuedWithTheCompletion()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();

        await client.ReadAllLessonsAsync(app, course);
        var first = await client.StartAttemptAsync(course.Code);
        var failed = await client.SubmitAsync(app, first, rightAnswers: 2);
        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        var review = await (await client.GetAsync($"/learning/attempts/{first}")).Content.ReadAsStringAsync();
        Assert.Contains("Chưa đạt", review);
        Assert.Contains("Bộ luật Hình sự, Điều 290", review);

        var second = await client.StartAttemptAsync(course.Code);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(app, second, rightAnswers: 3)).StatusCode);

        var page = await (await client.GetAsync($"/courses/{course.Code}")).Content.ReadAsStringAsync();
        Assert.Contains("Bạn đã hoàn thành khóa học", page);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var completion = await db.Completions.SingleAsync();
            Assert.Equal(100m, completion.ScorePercent);
            Assert.Equal(1, completion.Version);
            var messages = await db.Outbox.Where(m => m.Type == typeof(CourseCompleted).FullName).ToListAsync();
            var message = Assert.Single(messages);
            var evt = JsonSerializer.Deserialize<CourseCompleted>(message.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            Assert.Equal(completion.Id, evt.CompletionId);
            Assert.Equal(course.Code, evt.CourseCode);
            Assert.Equal(100m, evt.ScorePercent);
        });
    }

    [Fact]
    public async Task CorrectAnswersAndExplanationsNeverReachTheBrowserBeforeSubmission()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();

        var attempt = await client.StartAttemptAsync(course.Code);
        var response = await client.GetAsync($"/learning/attempts/{attempt}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Phương án đúng", html);
        Assert.DoesNotContain("Giải thích bí mật", html);
        Assert.DoesNotContain("đáp án đúng", html);
        Assert.DoesNotContain("Điều 290", html);
    }

    [Fact]
    public async Task CourseIsNotCompleteUntilEveryLessonIsDoneEvenAfterAPass()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();

        await client.SubmitAsync(app, await client.StartAttemptAsync(course.Code), rightAnswers: 3);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync()));

        await client.ReadAllLessonsAsync(app, course);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync()));
    }

    [Fact]
    public async Task RetakingAfterCompletionKeepsTheEarlierCompletion()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        await client.ReadAllLessonsAsync(app, course);
        await client.SubmitAsync(app, await client.StartAttemptAsync(course.Code), rightAnswers: 3);

        var retake = await client.PostFormAsync($"/courses/{course.Code}", new Dictionary<string, string> { ["retake"] = "true" }, $"/courses/{course.Code}?handler=Enrol");
        Assert.Equal(HttpStatusCode.Redirect, retake.StatusCode);
        await client.ReadAllLessonsAsync(app, course);
        await client.SubmitAsync(app, await client.StartAttemptAsync(course.Code), rightAnswers: 3);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            Assert.Equal(2, await db.Completions.CountAsync());
            Assert.Equal(2, await db.Enrolments.CountAsync());
            Assert.Equal(1, await db.Enrolments.CountAsync(e => e.IsCurrent));
            Assert.Equal(2, await db.Outbox.CountAsync());
        });
    }

    [Fact]
    public async Task AttemptLimitIsEnforced()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync(attemptLimit: 1);
        await client.SubmitAsync(app, await client.StartAttemptAsync(course.Code), rightAnswers: 0);

        var again = await client.PostFormAsync($"/courses/{course.Code}/quiz", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("hết 1 lượt", await again.Content.ReadAsStringAsync());
    }
}
