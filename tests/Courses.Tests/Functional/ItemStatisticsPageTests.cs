using System.Net;
using Training.Abstractions.Security;

namespace Training.Courses.Tests.Functional;

public sealed class ItemStatisticsPageTests
{
    [Fact]
    public async Task StatisticsAppearOnlyOnceAQuestionHasTheConfiguredNumberOfAttempts()
    {
        using var app = new TrainingApp(settings: new Dictionary<string, string?> { ["Courses:ItemStatistics:MinAttempts"] = "2" });
        var (_, _, course, learner) = await app.ArrangeClassroomAsync(questions: 3, draw: 3, attemptLimit: 0);
        var trainer = app.CreateBrowser();
        await trainer.SignInAsync("giangvien");
        var url = $"/authoring/{course.CourseId}/questions/statistics";

        await learner.SubmitAsync(app, await learner.StartAttemptAsync(course.Code), rightAnswers: 1);
        var few = await trainer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, few.StatusCode);
        Assert.Contains("Chưa đủ lượt làm", await few.Content.ReadAsStringAsync());

        await learner.SubmitAsync(app, await learner.StartAttemptAsync(course.Code), rightAnswers: 2);
        var enough = await trainer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, enough.StatusCode);
        var html = await enough.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Chưa đủ lượt làm", html);
        Assert.Contains(" %</td>", html);

        await app.CreateUserAsync("giangvienkhac", BuiltInRoles.Trainer);
        var other = app.CreateBrowser();
        await other.SignInAsync("giangvienkhac");
        var refused = await other.GetAsync(url);
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
            || refused.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true);
    }
}
