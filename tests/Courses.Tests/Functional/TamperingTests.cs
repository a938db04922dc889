using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Tests.Functional;

public sealed class TamperingTests
{
    [Fact]
    public async Task AnswerForAQuestionThatWasNotDrawnIsRefusedAndNothingIsGraded()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync(questions: 6, draw: 3);
        var attemptId = await client.StartAttemptAsync(course.Code);
        var attempt = await app.AttemptAsync(attemptId);
        var notDrawn = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().VersionQuestions
            .Where(q => q.VersionId == course.VersionId).Select(q => q.Id).ToListAsync());
        var foreign = notDrawn.First(id => attempt.Drawn.All(d => d.QuestionId != id));

        var response = await client.SubmitAsync(app, attemptId, rightAnswers: 3, new Dictionary<string, string> { [$"q_{foreign}"] = "0" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không có trong lượt làm bài", await response.Content.ReadAsStringAsync());
        Assert.Equal(AttemptStatus.Open, (await app.AttemptAsync(attemptId)).Status);
    }

    [Fact]
    public async Task OptionOutOfRangeOrGarbageIsRefused()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        var attemptId = await client.StartAttemptAsync(course.Code);
        var drawn = (await app.AttemptAsync(attemptId)).Drawn[0].QuestionId;

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SubmitAsync(app, attemptId, 3, new Dictionary<string, string> { [$"q_{drawn}"] = "7" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SubmitAsync(app, attemptId, 3, new Dictionary<string, string> { [$"q_{drawn}"] = "-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SubmitAsync(app, attemptId, 3, new Dictionary<string, string> { ["q_not-a-guid"] = "0" })).StatusCode);
        Assert.Equal(AttemptStatus.Open, (await app.AttemptAsync(attemptId)).Status);
    }

    [Fact]
    public async Task SecondSubmissionOfTheSameAttemptIsRefusedAndTheFirstGradeStands()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        var attemptId = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, attemptId, rightAnswers: 1);

        var again = await client.SubmitAsync(app, attemptId, rightAnswers: 3);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var attempt = await app.AttemptAsync(attemptId);
        Assert.Equal(33.33m, attempt.ScorePercent);
        Assert.False(attempt.Passed);
    }

    [Fact]
    public async Task SubmissionAfterTheTimeLimitIsNotGraded()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp();
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var (_, _, course, client) = await app.ArrangeClassroomAsync(timeLimit: 10);
        await client.ReadAllLessonsAsync(app, course);
        var attemptId = await client.StartAttemptAsync(course.Code);
        var token = Browser.Token(await (await client.GetAsync($"/learning/attempts/{attemptId}")).Content.ReadAsStringAsync());

        clock.Advance(TimeSpan.FromMinutes(11));
        var attempt = await app.AttemptAsync(attemptId);
        var fields = attempt.Drawn.ToDictionary(d => $"q_{d.QuestionId}", _ => TestCourses.RightOption);
        fields["__RequestVerificationToken"] = token;
        var response = await client.PostAsync($"/learning/attempts/{attemptId}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        attempt = await app.AttemptAsync(attemptId);
        Assert.Equal(AttemptStatus.Submitted, attempt.Status);
        Assert.Equal(0m, attempt.ScorePercent);
        Assert.False(attempt.Passed);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync()));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TwoConcurrentSubmissionsOfOneAttemptAreCountedOnce(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var (_, learner, course, client) = await app.ArrangeClassroomAsync();
        await client.ReadAllLessonsAsync(app, course);
        var attemptId = await client.StartAttemptAsync(course.Code);
        var attempt = await app.AttemptAsync(attemptId);
        var answers = attempt.Drawn.ToDictionary(d => d.QuestionId, _ => new Training.Courses.Questions.QuestionResponse([0]));

        var start = new TaskCompletionSource();
        var submissions = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var learning = scope.ServiceProvider.GetRequiredService<LearningService>();
            await start.Task;
            return (await learning.SubmitAsync(attemptId, learner.Id, answers)).Outcome;
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(submissions);

        Assert.Equal(1, outcomes.Count(o => o == SubmitOutcome.Graded));
        Assert.Equal(3, outcomes.Count(o => o == SubmitOutcome.AlreadySubmitted));
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            Assert.Equal(1, await db.Completions.CountAsync());
            Assert.Equal(1, await db.Outbox.CountAsync());
            Assert.Equal(1, await db.Statements.CountAsync(s => s.Verb == XapiVerbs.Passed));
        });
    }
}
