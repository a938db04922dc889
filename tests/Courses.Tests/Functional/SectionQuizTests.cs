using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Organisation.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>Per-section quizzes: shown in the outline after their section, taken with the final quiz's pages and
/// settings, required for completion; authored by the course's trainer only. On both databases.</summary>
public sealed class SectionQuizTests
{
    private const string Code = "SEC-01";

    /// <summary>Two sections of one lesson each; five questions, the first three assigned to section 1, whose quiz draws
    /// <paramref name="sectionDraw"/>; the final quiz draws 2 from the whole bank.</summary>
    private static Task<TestCourse> CreateCourseAsync(TrainingApp app, string ownerId, int attemptLimit = 3, int sectionDraw = 2) =>
        app.WithScopeAsync(async sp =>
        {
            var authoring = sp.GetRequiredService<AuthoringService>();
            var db = sp.GetRequiredService<CoursesDbContext>();
            var (course, error) = await authoring.CreateAsync(ownerId, Code, "Khóa học có bài kiểm tra phần", "Khung pháp lý");
            Assert.True(course is not null, error);
            course!.QuizQuestionCount = 2;
            course.PassingPercent = 80;
            course.AttemptLimit = attemptLimit;
            var one = authoring.AddSection(course, "Phần một");
            authoring.AddLesson(course, one, "Bài một", "Nội dung một.");
            var two = authoring.AddSection(course, "Phần hai");
            authoring.AddLesson(course, two, "Bài hai", "Nội dung hai.");
            one.QuizQuestionCount = sectionDraw;
            for (var i = 1; i <= 5; i++)
            {
                var q = new Question
                {
                    Id = Guid.NewGuid(), CourseId = course.Id, Order = i, Kind = QuestionKind.Single, Text = $"Câu hỏi số {i}?",
                    Options = ["Phương án đúng", "Phương án sai"], Correct = [0], SectionId = i <= 3 ? one.Id : null,
                };
                course.Questions.Add(q);
                db.Questions.Add(q);
            }
            await authoring.SaveAsync();
            var published = await authoring.PublishAsync(course, ownerId);
            Assert.True(published.Version is not null, string.Join("; ", published.Errors));
            return new TestCourse(course.Id, Code, published.Version!.Id);
        });

    private static async Task<(TrainingApp App, TestCourse Course, HttpClient Learner, TrainingUser Trainer)> ArrangeAsync(
        TestDatabase database, int attemptLimit = 3, bool enrol = true)
    {
        var app = new TrainingApp(database: database);
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var course = await CreateCourseAsync(app, trainer.Id, attemptLimit);
        var client = app.CreateBrowser();
        await client.SignInAsync("hocvien");
        if (enrol) await client.EnrolAsync(Code);
        return (app, course, client, trainer);
    }

    private static async Task<Guid> StartSectionAttemptAsync(HttpClient client, int section)
    {
        var response = await client.PostFormAsync($"/courses/{Code}/quiz/{section}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static Task<Enrolment> EnrolmentAsync(TrainingApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Enrolments.AsNoTracking().SingleAsync(e => e.IsCurrent));

    private static bool IsRefused(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden ||
        (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheCourseCompletesOnlyWhenTheSectionQuizAndTheFinalQuizArePassed(TestDatabase database)
    {
        var (app, course, client, _) = await ArrangeAsync(database);
        using var owned = app;
        var page = await client.GetAsync($"/courses/{Code}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("đạt bài kiểm tra của từng phần có bài kiểm tra và đạt bài kiểm tra cuối khóa", html);
        // The section's quiz sits after the section's lessons, before the next section.
        var link = html.IndexOf($"href=\"/courses/{Code}/quiz/1\"", StringComparison.Ordinal);
        Assert.True(link > html.IndexOf("Bài một", StringComparison.Ordinal) && link < html.IndexOf("Phần hai", StringComparison.Ordinal), html);
        Assert.DoesNotContain($"/courses/{Code}/quiz/2", html);

        await client.ReadAllLessonsAsync(app, course);
        var final = await client.StartAttemptAsync(Code);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(app, final, 2)).StatusCode);
        Assert.True((await app.AttemptAsync(final)).Passed);
        Assert.Null((await EnrolmentAsync(app)).CompletedAt);

        var quizPage = await client.GetAsync($"/courses/{Code}/quiz/1");
        Assert.Equal(HttpStatusCode.OK, quizPage.StatusCode);
        Assert.Contains("Bài kiểm tra phần «Phần một»", await quizPage.Content.ReadAsStringAsync());

        var failed = await StartSectionAttemptAsync(client, 1);
        var attempt = await app.AttemptAsync(failed);
        Assert.Equal(1, attempt.Section);
        Assert.Equal(1, attempt.Number);
        Assert.Equal(2, attempt.Drawn.Count);
        var sectionQuestions = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().VersionQuestions
            .Where(q => q.VersionId == course.VersionId && q.SectionOrder == 1).Select(q => q.Id).ToListAsync());
        Assert.Equal(3, sectionQuestions.Count);
        Assert.All(attempt.Drawn, d => Assert.Contains(d.QuestionId, sectionQuestions));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(app, failed, 0)).StatusCode);
        Assert.False((await app.AttemptAsync(failed)).Passed);
        Assert.Null((await EnrolmentAsync(app)).CompletedAt);
        var finalPage = await client.GetAsync($"/courses/{Code}/quiz");
        Assert.Equal(HttpStatusCode.OK, finalPage.StatusCode);
        var finalHtml = await finalPage.Content.ReadAsStringAsync();
        Assert.Contains("Bài kiểm tra các phần", finalHtml);
        Assert.Contains($"href=\"/courses/{Code}/quiz/1\">Phần một</a>", finalHtml);
        // Only the final quiz's attempt is listed on its page.
        Assert.DoesNotContain($"/learning/attempts/{failed}", finalHtml);
        var review = await client.GetAsync($"/learning/attempts/{failed}");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var reviewHtml = await review.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/courses/{Code}/quiz/1\"", reviewHtml);
        Assert.Contains("Bài kiểm tra phần «Phần một» — Lượt 1", reviewHtml);

        var passed = await StartSectionAttemptAsync(client, 1);
        Assert.Equal(2, (await app.AttemptAsync(passed)).Number);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(app, passed, 2)).StatusCode);
        // The pass that completes the course leads to the certificate like a final quiz pass.
        Assert.Contains("id=\"certificate-hint\"", await (await client.GetAsync($"/learning/attempts/{passed}")).Content.ReadAsStringAsync());
        var enrolment = await EnrolmentAsync(app);
        Assert.NotNull(enrolment.CompletedAt);
        var completion = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.AsNoTracking().SingleAsync());
        // The recorded result is the final quiz's, as before section quizzes.
        Assert.Equal(final, completion.AttemptId);
        Assert.Equal(100m, completion.ScorePercent);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheSectionQuizHasItsOwnAttemptCountUnderTheCourseLimit(TestDatabase database)
    {
        var (app, _, client, _) = await ArrangeAsync(database, attemptLimit: 1);
        using var owned = app;
        var first = await StartSectionAttemptAsync(client, 1);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(app, first, 0)).StatusCode);

        var again = await client.PostFormAsync($"/courses/{Code}/quiz/1", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Bạn đã dùng hết 1 lượt làm bài.", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Attempts.CountAsync(a => a.Section == 1)));
        // The final quiz keeps its own attempt.
        var final = await client.StartAttemptAsync(Code);
        Assert.Equal(0, (await app.AttemptAsync(final)).Section);
        // The review shows answers once the section quiz's attempts are used up (the course's review setting).
        var review = await client.GetAsync($"/learning/attempts/{first}");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.DoesNotContain("Đáp án đúng và giải thích được hiện khi", await review.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ALearnerNotEnrolledCannotStartASectionQuizNorOpenAnotherLearnersAttempt(TestDatabase database)
    {
        var (app, _, enrolled, _) = await ArrangeAsync(database);
        using var owned = app;
        var attemptId = await StartSectionAttemptAsync(enrolled, 1);
        await app.CreateUserAsync("hocvienkhac", BuiltInRoles.Learner);
        var other = app.CreateBrowser();
        await other.SignInAsync("hocvienkhac");

        var get = await other.GetAsync($"/courses/{Code}/quiz/1");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("Hãy ghi danh khóa học trước khi làm bài kiểm tra.", await get.Content.ReadAsStringAsync());
        var post = await other.PostFormAsync($"/courses/{Code}/quiz/1", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"/courses/{Code}", post.Headers.Location!.OriginalString, ignoreCase: true);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Attempts.CountAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/learning/attempts/{attemptId}")).StatusCode);
        var steal = await other.PostFormAsync($"/courses/{Code}", new Dictionary<string, string>(), $"/learning/attempts/{attemptId}");
        Assert.Equal(HttpStatusCode.NotFound, steal.StatusCode);
        Assert.Equal(AttemptStatus.Open, (await app.AttemptAsync(attemptId)).Status);

        // A section without a quiz has no quiz page.
        Assert.Equal(HttpStatusCode.NotFound, (await enrolled.GetAsync($"/courses/{Code}/quiz/2")).StatusCode);
        var none = await enrolled.PostFormAsync($"/courses/{Code}/quiz", new Dictionary<string, string>(), $"/courses/{Code}/quiz/2");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheTrainerAttachesASectionQuizAndAssignsQuestionsAnotherTrainerCannot(TestDatabase database)
    {
        var (app, course, _, _) = await ArrangeAsync(database, enrol: false);
        using var owned = app;
        var (sectionTwo, questionFour) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            return (await db.Sections.Where(s => s.CourseId == course.CourseId && s.Order == 2).Select(s => s.Id).SingleAsync(),
                await db.Questions.Where(q => q.CourseId == course.CourseId && q.Order == 4).Select(q => q.Id).SingleAsync());
        });
        var edit = $"/authoring/{course.CourseId}";
        var bank = $"{edit}/questions";

        await app.CreateUserAsync("giangvienkhac", BuiltInRoles.Trainer);
        var stranger = app.CreateBrowser();
        await stranger.SignInAsync("giangvienkhac");
        Assert.True(IsRefused(await stranger.GetAsync(edit)));
        Assert.True(IsRefused(await stranger.PostFormAsync("/authoring", new Dictionary<string, string>
            { ["sectionId"] = sectionTwo.ToString(), ["questionCount"] = "1" }, edit + "?handler=SectionQuiz")));
        Assert.True(IsRefused(await stranger.PostFormAsync("/authoring", new Dictionary<string, string>
            { ["questionId"] = questionFour.ToString(), ["sectionId"] = sectionTwo.ToString() }, bank + "?handler=Section")));
        Assert.Equal((0, (Guid?)null), await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            return (await db.Sections.Where(s => s.Id == sectionTwo).Select(s => s.QuizQuestionCount).SingleAsync(),
                await db.Questions.Where(q => q.Id == questionFour).Select(q => q.SectionId).SingleAsync());
        }));

        var author = app.CreateBrowser();
        await author.SignInAsync("giangvien");
        var bad = await author.PostFormAsync(edit, new Dictionary<string, string> { ["sectionId"] = sectionTwo.ToString(), ["questionCount"] = "-1" }, edit + "?handler=SectionQuiz");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("số câu của bài kiểm tra phần", await bad.Content.ReadAsStringAsync());
        var set = await author.PostFormAsync(edit, new Dictionary<string, string> { ["sectionId"] = sectionTwo.ToString(), ["questionCount"] = "2" }, edit + "?handler=SectionQuiz");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("có bài kiểm tra 2 câu", await set.Content.ReadAsStringAsync());
        var foreignSection = await author.PostFormAsync(bank, new Dictionary<string, string>
            { ["questionId"] = questionFour.ToString(), ["sectionId"] = Guid.NewGuid().ToString() }, bank + "?handler=Section");
        Assert.Equal(HttpStatusCode.NotFound, foreignSection.StatusCode);
        var assign = await author.PostFormAsync(bank, new Dictionary<string, string>
            { ["questionId"] = questionFour.ToString(), ["sectionId"] = sectionTwo.ToString() }, bank + "?handler=Section");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);

        // Two questions drawn, one assigned: publication is refused with the section named.
        var refused = await author.PostFormAsync(edit, new Dictionary<string, string>(), edit + "?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Phần «Phần hai»: số câu của bài kiểm tra phần (2) lớn hơn số câu hỏi gán cho phần (1).", await refused.Content.ReadAsStringAsync());
        await author.PostFormAsync(edit, new Dictionary<string, string> { ["sectionId"] = sectionTwo.ToString(), ["questionCount"] = "1" }, edit + "?handler=SectionQuiz");
        var published = await author.PostFormAsync(edit, new Dictionary<string, string>(), edit + "?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("Đã xuất bản phiên bản 2.", await published.Content.ReadAsStringAsync());

        var v2 = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var id = await db.Versions.Where(v => v.CourseId == course.CourseId && v.Version == 2).Select(v => v.Id).SingleAsync();
            return (Lessons: await db.VersionLessons.Where(l => l.VersionId == id).OrderBy(l => l.Number).Select(l => l.SectionQuizCount).ToListAsync(),
                Question: await db.VersionQuestions.Where(q => q.VersionId == id && q.Number == 4).Select(q => q.SectionOrder).SingleAsync());
        });
        Assert.Equal([2, 1], v2.Lessons);
        Assert.Equal(2, v2.Question);
    }

    [Fact]
    public async Task ItemStatisticsAreSplitBetweenTheFinalQuizAndEachSectionQuiz()
    {
        var (app, course, learner, _) = await ArrangeAsync(TestDatabase.Sqlite);
        using var _ = app;
        // One section-1 attempt (2 of questions 1–3) and two final attempts (2 of the 5 each).
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync(app, await StartSectionAttemptAsync(learner, 1), 2)).StatusCode);
        await learner.ReadAllLessonsAsync(app, course);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync(app, await learner.StartAttemptAsync(Code), 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync(app, await learner.StartAttemptAsync(Code), 0)).StatusCode);
        var trainer = app.CreateBrowser();
        await trainer.SignInAsync("giangvien");
        var url = $"/authoring/{course.CourseId}/questions/statistics";

        var final = await trainer.GetAsync(url);
        var section = await trainer.GetAsync(url + "?quiz=1");
        var none = await trainer.GetAsync(url + "?quiz=2");

        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        var finalCounts = Counts(await final.Content.ReadAsStringAsync());
        Assert.Equal([1, 2, 3, 4, 5], finalCounts.Keys.Order());
        Assert.Equal(4, finalCounts.Values.Sum());
        Assert.Equal(HttpStatusCode.OK, section.StatusCode);
        var sectionHtml = await section.Content.ReadAsStringAsync();
        var sectionCounts = Counts(sectionHtml);
        Assert.Equal([1, 2, 3], sectionCounts.Keys.Order());
        Assert.Equal(2, sectionCounts.Values.Sum());
        Assert.Contains("aria-current=\"page\">Bài kiểm tra phần «Phần một»", sectionHtml);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    /// <summary>Question number (from its text) → the attempts counted for it on the statistics page.</summary>
    private static Dictionary<int, int> Counts(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, @"<td>Câu hỏi số (\d)\?</td><td>[^<]*</td><td>(\d+)</td>")
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value));
}
