using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Scorm.Data;
using Training.Courses.Scorm.Import;
using Training.Courses.Services;

namespace Training.Courses.Tests.Scorm;

public sealed partial class ScormRuntimeTests
{
    private sealed record Player(string FrameUrl, string CommitUrl, string Token, Guid LessonId);

    private static async Task<(TrainingApp App, Classroom Room)> ArrangeAsync(string edition, int scos = 1, TestDatabase database = TestDatabase.Sqlite)
    {
        var app = new TrainingApp(database: database);
        var room = await app.ArrangeClassroomAsync(enrol: false);
        await app.WithScopeAsync(async sp =>
        {
            var authoring = sp.GetRequiredService<AuthoringService>();
            var db = sp.GetRequiredService<CoursesDbContext>();
            var course = await db.Courses.Include(c => c.Owners).Include(c => c.Sections).ThenInclude(s => s.Lessons).Include(c => c.Questions)
                .SingleAsync(c => c.Id == room.Course.CourseId);
            await sp.GetRequiredService<ScormImporter>().ImportAsync(course, null, "goi.zip", new MemoryStream(ScormPackages.Build(edition, scos)), room.Trainer.Id);
            var published = await authoring.PublishAsync(course, room.Trainer.Id);
            Assert.True(published.Version is not null, string.Join("; ", published.Errors));
        });
        await room.Client.EnrolAsync(room.Course.Code);
        return (app, room);
    }

    private static async Task<Player> OpenAsync(TrainingApp app, Classroom room, string? item = null)
    {
        var lessonId = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().VersionLessons
            .Where(l => l.Markdown.StartsWith("@scorm")).OrderByDescending(l => l.Number).Select(l => l.Id).FirstAsync());
        var response = await room.Client.GetAsync($"/courses/{room.Course.Code}/lessons/{lessonId}" + (item is null ? "" : $"?item={item}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("sandbox=\"allow-scripts allow-forms\"", html);
        return new Player(WebUtility.HtmlDecode(FrameSrc().Match(html).Groups[1].Value), WebUtility.HtmlDecode(CommitUrl().Match(html).Groups[1].Value),
            WebUtility.HtmlDecode(TokenAttr().Match(html).Groups[1].Value), lessonId);
    }

    private static async Task<HttpResponseMessage> CommitAsync(HttpClient client, Player player, Dictionary<string, string> values, bool finish, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, player.CommitUrl) { Content = JsonContent.Create(new { values, finish }) };
        request.Headers.Add("RequestVerificationToken", token ?? player.Token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ContentIsServedWithoutCookiesUnderItsOwnSandboxedPolicyWithTheRuntimeInjected()
    {
        var (app, room) = await ArrangeAsync(ScormPackages.Scorm2004Fourth);
        using var _ = app;
        var player = await OpenAsync(app, room);
        var anonymous = app.CreateClient();

        var page = await anonymous.GetAsync(player.FrameUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox allow-scripts allow-forms;", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Equal("SAMEORIGIN", string.Join("", page.Headers.GetValues("X-Frame-Options")));
        var html = await page.Content.ReadAsStringAsync();
        var shim = ShimSrc().Match(html).Groups[1].Value;
        Assert.True(html.IndexOf(shim, StringComparison.Ordinal) < html.IndexOf("sco.js", StringComparison.Ordinal), "the runtime comes before the SCO's script");

        var script = await anonymous.GetAsync(shim);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var js = await script.Content.ReadAsStringAsync();
        Assert.Contains("window.API_1484_11", js);
        Assert.Contains("\"cmi.learner_id\"", js);

        var forged = player.FrameUrl.Replace("/sco1/", "/../imsmanifest.xml/", StringComparison.Ordinal);
        var tampered = Regex.Replace(player.FrameUrl, @"^(/scorm-content/[0-9a-f]{32}/)[^/]+", "$1forged");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(tampered)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(forged.Replace("sco1/index.html", "secret.txt", StringComparison.Ordinal))).StatusCode);
    }

    [Theory]
    [InlineData(ScormPackages.Scorm12)]
    [InlineData(ScormPackages.Scorm2004Fourth)]
    public async Task CommittedCompletionCompletesTheLessonAndThenTheCourse(string edition)
    {
        var (app, room) = await ArrangeAsync(edition);
        using var _ = app;
        var player = await OpenAsync(app, room);
        var is12 = edition == ScormPackages.Scorm12;

        var progress = await CommitAsync(room.Client, player, is12
            ? new() { ["cmi.core.lesson_status"] = "incomplete", ["cmi.core.lesson_location"] = "trang-2", ["cmi.suspend_data"] = "x=1", ["cmi.core.exit"] = "suspend", ["cmi.core.session_time"] = "00:00:40" }
            : new() { ["cmi.completion_status"] = "incomplete", ["cmi.location"] = "trang-2", ["cmi.suspend_data"] = "x=1", ["cmi.exit"] = "suspend", ["cmi.session_time"] = "PT40S" }, finish: true);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.False((await progress.Content.ReadFromJsonAsync<Courses.Scorm.Runtime.CommitResponse>())!.LessonDone);

        // Reopening resumes the suspended attempt with its location and the time so far.
        var resumed = await OpenAsync(app, room);
        var js = await (await app.CreateClient().GetAsync(ShimUrl(resumed.FrameUrl))).Content.ReadAsStringAsync();
        Assert.Contains("\"resume\"", js);
        Assert.Contains("trang-2", js);
        Assert.Contains(is12 ? "0000:00:40.00" : "PT0H0M40S", js);

        var done = await CommitAsync(room.Client, resumed, is12
            ? new() { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "90", ["cmi.core.session_time"] = "00:01:00" }
            : new() { ["cmi.completion_status"] = "completed", ["cmi.success_status"] = "passed", ["cmi.score.scaled"] = "0.9", ["cmi.score.raw"] = "90", ["cmi.session_time"] = "PT1M" }, finish: true);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.True((await done.Content.ReadFromJsonAsync<Courses.Scorm.Runtime.CommitResponse>())!.LessonDone);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var attempt = await db.Set<ScormAttempt>().SingleAsync();
            Assert.Equal(100m, attempt.TotalSeconds);
            Assert.Equal(90m, attempt.ScoreRaw);
            Assert.Equal("x=1", attempt.Values["cmi.suspend_data"]);
            Assert.True(await db.Progress.AnyAsync(p => p.LessonId == player.LessonId));
        });
        await FinishRestOfCourseAsync(app, room);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync()));
    }

    [Fact]
    public async Task AMultiScoLessonIsDoneOnlyWhenEveryScoIsSatisfied()
    {
        var (app, room) = await ArrangeAsync(ScormPackages.Scorm2004Third, scos: 2);
        using var _ = app;

        var first = await OpenAsync(app, room);
        var r1 = await CommitAsync(room.Client, first, new() { ["cmi.completion_status"] = "completed" }, finish: true);
        Assert.False((await r1.Content.ReadFromJsonAsync<Courses.Scorm.Runtime.CommitResponse>())!.LessonDone);

        var second = await OpenAsync(app, room);
        Assert.Contains("/sco2/index.html", second.FrameUrl);
        var r2 = await CommitAsync(room.Client, second, new() { ["cmi.completion_status"] = "completed", ["cmi.success_status"] = "passed" }, finish: true);
        Assert.True((await r2.Content.ReadFromJsonAsync<Courses.Scorm.Runtime.CommitResponse>())!.LessonDone);
    }

    [Fact]
    public async Task TheServerRefusesWhatTheRuntimeWouldRefuseAndChangesNothing()
    {
        var (app, room) = await ArrangeAsync(ScormPackages.Scorm2004Fourth);
        using var _ = app;
        var player = await OpenAsync(app, room);

        var bad = await CommitAsync(room.Client, player, new() { ["cmi.location"] = "a", ["cmi.learner_name"] = "Kẻ giả mạo" }, finish: false);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("cmi.learner_name", (await bad.Content.ReadFromJsonAsync<Courses.Scorm.Runtime.CommitResponse>())!.Error);
        var range = await CommitAsync(room.Client, player, new() { ["cmi.score.scaled"] = "5" }, finish: false);
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
        Assert.Empty(await app.WithScopeAsync(async sp => (await sp.GetRequiredService<CoursesDbContext>().Set<ScormAttempt>().SingleAsync()).Values));
    }

    [Fact]
    public async Task CommitNeedsTheAntiforgeryTokenAndTheLearnersOwnAttempt()
    {
        var (app, room) = await ArrangeAsync(ScormPackages.Scorm12);
        using var _ = app;
        var player = await OpenAsync(app, room);
        await app.CreateUserAsync("nguoikhac", BuiltInRoles.Learner);
        var other = app.CreateBrowser();
        await other.SignInAsync("nguoikhac");
        var otherToken = await other.GetTokenAsync("/learning");

        Assert.Equal(HttpStatusCode.BadRequest, (await CommitAsync(room.Client, player, new() { ["cmi.core.lesson_status"] = "passed" }, true, token: "forged")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CommitAsync(other, player, new() { ["cmi.core.lesson_status"] = "passed" }, true, token: otherToken)).StatusCode);
        var anonymous = app.CreateBrowser();
        Assert.NotEqual(HttpStatusCode.OK, (await CommitAsync(anonymous, player, new() { ["cmi.core.lesson_status"] = "passed" }, true)).StatusCode);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Set<ScormAttempt>().CountAsync(a => a.SatisfiedAt != null)));
    }

    [Fact]
    public async Task WorksOnPostgres()
    {
        var (app, room) = await ArrangeAsync(ScormPackages.Scorm12, database: TestDatabase.Postgres);
        using var _ = app;
        var player = await OpenAsync(app, room);

        var done = await CommitAsync(room.Client, player, new() { ["cmi.core.lesson_status"] = "completed" }, finish: true);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.True((await done.Content.ReadFromJsonAsync<Courses.Scorm.Runtime.CommitResponse>())!.LessonDone);
    }

    /// <summary>Reads the Markdown lessons of the version the learner is enrolled in and passes the quiz.</summary>
    private static async Task FinishRestOfCourseAsync(TrainingApp app, Classroom room)
    {
        var lessons = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var version = await db.Enrolments.Where(e => e.UserId == room.Learner.Id).Select(e => e.VersionId).SingleAsync();
            return await db.VersionLessons.Where(l => l.VersionId == version && !l.Markdown.StartsWith("@scorm")).Select(l => l.Id).ToListAsync();
        });
        foreach (var id in lessons)
        {
            var url = $"/courses/{room.Course.Code}/lessons/{id}";
            Assert.Equal(HttpStatusCode.Redirect, (await room.Client.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Done")).StatusCode);
        }
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync()));
        var attempt = await room.Client.StartAttemptAsync(room.Course.Code);
        var drawn = (await app.AttemptAsync(attempt)).Drawn.Count;
        Assert.Equal(HttpStatusCode.Redirect, (await room.Client.SubmitAsync(app, attempt, drawn)).StatusCode);
    }

    private static string ShimUrl(string frameUrl) => Regex.Replace(frameUrl, @"^(/scorm-content/[0-9a-f]{32}/[^/]+/).*$", "$1__training-scorm-api.js");

    [GeneratedRegex("<iframe class=\"scorm-frame\" src=\"([^\"]+)\"")]
    private static partial Regex FrameSrc();

    [GeneratedRegex("data-commit-url=\"([^\"]+)\"")]
    private static partial Regex CommitUrl();

    [GeneratedRegex("data-token=\"([^\"]+)\"")]
    private static partial Regex TokenAttr();

    [GeneratedRegex("<script src=\"([^\"]+__training-scorm-api.js)\">")]
    private static partial Regex ShimSrc();
}
