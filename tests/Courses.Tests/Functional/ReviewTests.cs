using System.Net;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>The review of a submitted attempt follows the course's review setting.</summary>
public sealed class ReviewTests
{
    private static async Task<string> ReviewAsync(HttpClient client, Guid attempt)
    {
        var response = await client.GetAsync($"/learning/attempts/{attempt}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ByDefaultCorrectAnswersAreHiddenAfterAFailedAttemptAndShownOnceTheLearnerPassed()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        var first = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, first, rightAnswers: 1);

        var failed = await ReviewAsync(client, first);
        Assert.Contains("Chưa đạt", failed);
        Assert.DoesNotContain("Giải thích bí mật", failed);
        Assert.DoesNotContain("đáp án đúng</span>", failed);
        Assert.Contains("khi bạn đã đạt hoặc đã dùng hết lượt", failed);

        var second = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, second, rightAnswers: 3);
        var passed = await ReviewAsync(client, second);
        Assert.Contains("Giải thích bí mật", passed);
        Assert.Contains("đáp án đúng</span>", passed);
        Assert.Contains("Giải thích bí mật", await ReviewAsync(client, first));
    }

    [Fact]
    public async Task ByDefaultAnswersAreShownOnceEveryAttemptIsUsed()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync(attemptLimit: 2);
        var first = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, first, rightAnswers: 0);
        Assert.DoesNotContain("Giải thích bí mật", await ReviewAsync(client, first));

        var last = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, last, rightAnswers: 0);

        Assert.Contains("Giải thích bí mật", await ReviewAsync(client, last));
    }

    [Fact]
    public async Task AnswersAlwaysShowsThemAfterAFailedAttempt()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync(configure: c => c.ReviewMode = ReviewMode.AnswersAlways);
        var attempt = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, attempt, rightAnswers: 0);

        var review = await ReviewAsync(client, attempt);
        Assert.Contains("Giải thích bí mật", review);
        Assert.Contains("đáp án đúng</span>", review);
    }

    [Fact]
    public async Task RightOrWrongOnlyNeverShowsTheAnswersEvenAfterAPass()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync(configure: c => c.ReviewMode = ReviewMode.RightOrWrongOnly);
        var attempt = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, attempt, rightAnswers: 3);

        var review = await ReviewAsync(client, attempt);
        Assert.Contains("Đạt. Chúc mừng bạn!", review);
        Assert.Contains("badge badge-ok\">Đúng", review);
        Assert.DoesNotContain("Giải thích bí mật", review);
        Assert.DoesNotContain("đáp án đúng</span>", review);
    }

    [Fact]
    public async Task TheTrainerChoosesTheReviewSettingOnTheAuthoringPageAndItIsPublishedWithTheVersion()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        var author = app.CreateBrowser();
        await author.SignInAsync("giangvien");
        var url = $"/authoring/{course.CourseId}";
        Assert.Contains("Hiện đáp án đúng khi người học đã đạt hoặc đã hết lượt (mặc định)", await author.GetStringAsync(url));

        var save = await author.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Form.Title"] = "Khóa học kiểm thử", ["Form.Category"] = "Khung pháp lý", ["Form.EstimatedHours"] = "2", ["Form.QuizQuestionCount"] = "3",
            ["Form.PassingPercent"] = "80", ["Form.AttemptLimit"] = "3", ["Form.ReviewMode"] = nameof(ReviewMode.AnswersAlways),
        }, url + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("Đã lưu", await save.Content.ReadAsStringAsync());
        var publish = await author.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Publish");
        Assert.Contains("Đã xuất bản phiên bản 2", await publish.Content.ReadAsStringAsync());

        // The learner enrolled in version 1 keeps its setting; a new run of version 2 gets the new one.
        Assert.Contains("Hiện đáp án đúng khi người học đã đạt hoặc đã hết lượt", await client.GetStringAsync($"/courses/{course.Code}/quiz"));
        var other = await app.CreateUserAsync("hocvien2", Training.Abstractions.Security.BuiltInRoles.Learner);
        var newcomer = app.CreateBrowser();
        await newcomer.SignInAsync(other.UserName!);
        await newcomer.EnrolAsync(course.Code);
        Assert.Contains("Luôn hiện đáp án đúng và giải thích", await newcomer.GetStringAsync($"/courses/{course.Code}/quiz"));
    }
}
