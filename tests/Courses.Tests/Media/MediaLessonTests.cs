using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Media.Data;
using Training.Testing;

namespace Training.Courses.Tests.Media;

/// <summary><c>media:</c> references in lessons: resolved against the course's library like citations against the legal
/// library, an error in the editor and at publication for a missing one; video lessons complete when watched to 90 %.</summary>
public sealed class MediaLessonTests
{
    private const string VideoLesson = "# Bài video\n\n![Giới thiệu](media:gioi-thieu)\n\n![Sơ đồ](media:so-do)\n\n![Tài liệu](media:tai-lieu)\n";

    private static async Task<(MediaSetup Setup, Lesson Lesson)> ArrangeAsync()
    {
        var s = await MediaSetup.ArrangeAsync();
        var lesson = await s.App.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Lessons.OrderBy(l => l.Order).FirstAsync());
        return (s, lesson);
    }

    private static Task<HttpResponseMessage> SaveLessonAsync(MediaSetup s, Lesson lesson, string markdown, string handler = "Save")
    {
        var url = $"/authoring/{s.Course.CourseId}/lessons/{lesson.Id}";
        return s.Author.PostFormAsync(url, new Dictionary<string, string> { ["Title"] = "Bài một", ["Markdown"] = markdown }, $"{url}?handler={handler}");
    }

    private static async Task UploadAllAsync(MediaSetup s)
    {
        Assert.Equal(HttpStatusCode.Created, (await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("v.mp4", MediaFiles.Mp4(), Slug: "gioi-thieu", Captions: MediaFiles.Vtt))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("s.png", MediaFiles.Png(), Slug: "so-do"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("t.pdf", MediaFiles.Pdf(), Slug: "tai-lieu"))).Response.StatusCode);
    }

    [Fact]
    public async Task TheEditorPreviewNamesAMissingReferenceAndItsLine()
    {
        var (s, lesson) = await ArrangeAsync();
        using var _ = s;

        var response = await SaveLessonAsync(s, lesson, "Đoạn mở đầu.\n\n![Sơ đồ](media:so-do-quy-trinh)", "Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Dòng 3: <code>media:so-do-quy-trinh</code> — Thư viện của khóa học không có tệp «so-do-quy-trinh»", html);
        Assert.Contains("class=\"media-missing\"", html);
    }

    [Fact]
    public async Task PublishingALessonWithAMissingReferenceIsRefused()
    {
        var (s, lesson) = await ArrangeAsync();
        using var _ = s;
        await SaveLessonAsync(s, lesson, "![Sơ đồ](media:so-do-quy-trinh)");
        var url = $"/authoring/{s.Course.CourseId}";

        var response = await s.Author.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bài «Bài một», dòng 1: Thư viện của khóa học không có tệp «so-do-quy-trinh»", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await s.App.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Versions.CountAsync()));
    }

    [Fact]
    public async Task ResolvedReferencesBecomeAPlayerWithCaptionsAnImageAndAPdfViewerLink()
    {
        var (s, lesson) = await ArrangeAsync();
        using var _ = s;
        await UploadAllAsync(s);
        var items = (await s.ItemsAsync()).ToDictionary(i => i.Slug);

        var response = await SaveLessonAsync(s, lesson, VideoLesson);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<video class=\"media-video\" controls=\"\" preload=\"metadata\" title=\"Giới thiệu\" src=\"/courses/media/{items["gioi-thieu"].Id}\">", html);
        Assert.Contains($"<track kind=\"captions\" srclang=\"vi\" label=\"Tiếng Việt\" default=\"\" src=\"/courses/media/{items["gioi-thieu"].Id}/captions\">", html);
        Assert.Contains($"<img src=\"/courses/media/{items["so-do"].Id}\" alt=\"Sơ đồ\">", html);
        Assert.Contains($"<a class=\"media-pdf\" href=\"/courses/media/{items["tai-lieu"].Id}\">Tài liệu (PDF)</a>", html);
        Assert.DoesNotContain("Tệp thư viện không có", html);
    }

    [Fact]
    public async Task AReferenceInAnotherCoursesLessonDoesNotResolveToThisCoursesFile()
    {
        var (s, _) = await ArrangeAsync();
        using var _ = s;
        await UploadAllAsync(s);
        var other = await s.App.CreatePublishedCourseAsync(s.TrainerId, code: "KHAC-01");
        var otherLesson = await s.App.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Lessons.FirstAsync(l => l.CourseId == other.CourseId));
        var url = $"/authoring/{other.CourseId}/lessons/{otherLesson.Id}";

        var response = await s.Author.PostFormAsync(url, new Dictionary<string, string> { ["Title"] = "Bài một", ["Markdown"] = VideoLesson }, $"{url}?handler=Preview");

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<video", html);
        Assert.Contains("Thư viện của khóa học không có tệp «gioi-thieu»", html);
    }

    [Fact]
    public async Task AFileALessonUsesCannotBeDeletedAnUnusedOneIsDeletedWithItsStoredFiles()
    {
        var (s, lesson) = await ArrangeAsync();
        using var _ = s;
        await UploadAllAsync(s);
        await SaveLessonAsync(s, lesson, "![Sơ đồ](media:so-do)");
        var items = (await s.ItemsAsync()).ToDictionary(i => i.Slug);
        var page = $"/authoring/{s.Course.CourseId}/media";

        var refused = await s.Author.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Delete&mediaId={items["so-do"].Id}");
        var deleted = await s.Author.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Delete&mediaId={items["gioi-thieu"].Id}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Không xóa được «s»: bài «Bài một» (bản nháp hoặc một phiên bản đã xuất bản) đang dùng media:so-do.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("Đã xóa «v».", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(["so-do", "tai-lieu"], (await s.ItemsAsync()).Select(i => i.Slug).Order().ToArray());
        Assert.DoesNotContain(s.StoredMediaFiles(), f => f.Contains(items["gioi-thieu"].Id.ToString("N"), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Author.GetAsync($"/courses/media/{items["gioi-thieu"].Id}")).StatusCode);
    }

    [Fact]
    public async Task WatchingTheVideoTo90PercentRecordsXapiAndCompletesTheLessonAndTheLearnerResumesWhereTheyStopped()
    {
        var (s, lesson) = await ArrangeAsync();
        using var _ = s;
        await UploadAllAsync(s);
        await SaveLessonAsync(s, lesson, VideoLesson);
        await s.Author.PostFormAsync($"/authoring/{s.Course.CourseId}", new Dictionary<string, string>(), $"/authoring/{s.Course.CourseId}?handler=Publish");
        await s.App.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var learner = s.App.CreateBrowser();
        await learner.SignInAsync("hocvien");
        await learner.EnrolAsync(s.Course.Code);
        var published = await s.App.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().VersionLessons
            .Where(l => l.SourceLessonId == lesson.Id).OrderByDescending(l => l.Number).FirstAsync(l => l.Markdown.Contains("media:")));
        var video = (await s.ItemsAsync()).Single(i => i.Slug == "gioi-thieu");
        var lessonUrl = $"/courses/{s.Course.Code}/lessons/{published.Id}";
        var page = await (await learner.GetAsync(lessonUrl)).Content.ReadAsStringAsync();
        var token = Browser.Token(page);

        var half = await PostProgressAsync(learner, token, video.Id, published.Id, 30, 60);
        var resume = await learner.GetFromJsonAsync<JsonElement>($"/courses/media/{video.Id}/progress");
        var end = await PostProgressAsync(learner, token, video.Id, published.Id, 55, 60);

        Assert.Contains("id=\"video-lesson\"", page);
        Assert.DoesNotContain("handler=Done", page);
        Assert.Equal((HttpStatusCode.OK, false, false), (half.StatusCode, (await Json(half)).GetProperty("watched").GetBoolean(), (await Json(half)).GetProperty("lessonDone").GetBoolean()));
        Assert.Equal(30, resume.GetProperty("position").GetDouble());
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        var state = await Json(end);
        Assert.True(state.GetProperty("watched").GetBoolean());
        Assert.True(state.GetProperty("lessonDone").GetBoolean());
        await s.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            Assert.True(await db.Progress.AnyAsync(p => p.LessonId == published.Id));
            var statement = await db.Statements.SingleAsync(x => x.ObjectType == "video");
            Assert.Equal(("http://adlnet.gov/expapi/verbs/completed", $"/courses/media/{video.Id}", true), (statement.Verb, statement.ObjectPath, statement.Completion));
            Assert.NotNull((await sp.GetRequiredService<MediaDbContext>().Progress.SingleAsync()).WatchedAt);
        });
    }

    [Fact]
    public async Task ProgressForALessonThatDoesNotShowTheVideoIsRefused()
    {
        var (s, lesson) = await ArrangeAsync();
        using var _ = s;
        await UploadAllAsync(s);
        await s.App.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var learner = s.App.CreateBrowser();
        await learner.SignInAsync("hocvien");
        await learner.EnrolAsync(s.Course.Code);
        var lessons = await s.App.LessonIdsAsync(s.Course.VersionId);
        var video = (await s.ItemsAsync()).Single(i => i.Slug == "gioi-thieu");
        var token = await learner.GetTokenAsync($"/courses/{s.Course.Code}");

        var response = await PostProgressAsync(learner, token, video.Id, lessons[0], 59, 60);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await s.App.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().Progress.CountAsync()));
    }

    private static async Task<HttpResponseMessage> PostProgressAsync(HttpClient client, string token, Guid media, Guid lesson, double position, double duration)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/courses/media/{media}/progress")
        {
            Content = JsonContent.Create(new { lessonId = lesson, position, duration }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
