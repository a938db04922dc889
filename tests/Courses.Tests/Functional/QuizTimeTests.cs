using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>Empty submissions, the countdown and the server-side time limit.</summary>
public sealed class QuizTimeTests
{
    [Fact]
    public async Task AnEmptySubmissionIsRefusedWithAWordAndSpendsNoAttempt()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync(attemptLimit: 1);
        var attempt = await client.StartAttemptAsync(course.Code);

        var empty = await client.PostFormAsync($"/learning/attempts/{attempt}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Bạn chưa trả lời câu nào", await empty.Content.ReadAsStringAsync());
        Assert.Equal(AttemptStatus.Open, (await app.AttemptAsync(attempt)).Status);
        // The one allowed attempt is still there: starting again resumes it, and it can be submitted and passed.
        Assert.Equal(attempt, await client.StartAttemptAsync(course.Code));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(app, attempt, rightAnswers: 3)).StatusCode);
        Assert.True((await app.AttemptAsync(attempt)).Passed);
    }

    [Fact]
    public async Task TheCountdownStartsFromTheSecondsLeftAndIsServedAsAScriptFile()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp();
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var (_, _, course, client) = await app.ArrangeClassroomAsync(timeLimit: 10);
        var attempt = await client.StartAttemptAsync(course.Code);
        clock.Advance(TimeSpan.FromSeconds(150));

        var response = await client.GetAsync($"/learning/attempts/{attempt}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-seconds-left=\"450\"", html);
        Assert.Contains(">7:30</strong>", html);
        Assert.Contains("name=\"timeUp\"", html);
        // Served from the module (fingerprinted by static web assets), never inline.
        Assert.Matches("<script src=\"/_content/Courses/js/quiz-timer\\.[a-z0-9]+\\.js\"></script>", html);
        Assert.DoesNotContain("<script>", html);
        var script = await client.GetAsync(System.Text.RegularExpressions.Regex.Match(html, "/_content/Courses/js/quiz-timer[^\"]+").Value);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("data-quiz-timeup", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenTheCountdownReachesZeroWhatWasAnsweredIsGradedEvenIfNothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp();
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var (_, _, course, client) = await app.ArrangeClassroomAsync(timeLimit: 10);
        var attempt = await client.StartAttemptAsync(course.Code);
        clock.Advance(TimeSpan.FromMinutes(10));

        var response = await client.PostFormAsync($"/learning/attempts/{attempt}", new Dictionary<string, string> { ["timeUp"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var graded = await app.AttemptAsync(attempt);
        Assert.Equal(AttemptStatus.Submitted, graded.Status);
        Assert.Equal(0m, graded.ScorePercent);
    }

    [Fact]
    public async Task WithoutATimeLimitTheTimerFlagDoesNotLetAnEmptySubmissionThrough()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        var attempt = await client.StartAttemptAsync(course.Code);

        var response = await client.PostFormAsync($"/learning/attempts/{attempt}", new Dictionary<string, string> { ["timeUp"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(AttemptStatus.Open, (await app.AttemptAsync(attempt)).Status);
    }

    [Fact]
    public async Task AnAttemptLeftOpenPastTheDeadlineCountsAsUsed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp();
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var (_, _, course, client) = await app.ArrangeClassroomAsync(timeLimit: 10, attemptLimit: 1);
        var attempt = await client.StartAttemptAsync(course.Code);
        clock.Advance(TimeSpan.FromMinutes(11));

        var page = await client.GetStringAsync($"/learning/attempts/{attempt}");
        var again = await client.PostFormAsync($"/courses/{course.Code}/quiz", new Dictionary<string, string>());

        Assert.Contains("Đã hết thời gian làm bài", page);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("hết 1 lượt", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Attempts.CountAsync()));
    }
}
