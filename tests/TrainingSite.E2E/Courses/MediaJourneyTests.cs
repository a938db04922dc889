using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;
using Training.Courses.Media.Data;
using Training.E2E.Infrastructure;

namespace Training.E2E.Courses;

/// <summary>Issue 14 item 1 as people live it: the trainer uploads a captioned video and a PDF to the course's library,
/// references them in a lesson and publishes; the learner sees the PDF drawn by pdf.js, watches the video (seeked to its
/// end by script) and the lesson completes. Screenshots at desktop width and at 390 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TrainerUploadsAVideoReferencesItAndPublishesThenTheLearnerWatchesItAndTheLessonCompletes()
    {
        using var site = new LiveSite();
        var owner = await site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Owners.Select(o => o.UserId).FirstAsync());
        var course = await site.CreatePublishedCourseAsync(owner, "E2E-MEDIA", questions: 3, draw: 3);
        var lessonId = await site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Lessons
            .Where(l => l.CourseId == course.CourseId).OrderBy(l => l.Order).Select(l => l.Id).FirstAsync());

        var trainer = await browser.NewPageAsync(site);
        await trainer.LoginAsync("trainer");
        await trainer.GotoAsync($"/authoring/{course.CourseId}/media");
        await UploadAsync(trainer, "Giới thiệu quy trình", "gioi-thieu", ("gioi-thieu.webm", "video/webm", Resource("gioi-thieu-quy-trinh.webm")),
            ("gioi-thieu.vtt", Resource("gioi-thieu-quy-trinh.vtt")));
        await Assertions.Expect(trainer.Locator("p.alert-success[role=status]")).ToContainTextAsync("![Giới thiệu quy trình](media:gioi-thieu)");
        await UploadAsync(trainer, "Sơ đồ quy trình", "", ("so-do.pdf", "application/pdf", OnePagePdf()), null);
        await Assertions.Expect(trainer.Locator("p.alert-success[role=status]")).ToContainTextAsync("media:so-do-quy-trinh");
        await UploadAsync(trainer, "Giả mạo", "", ("gia-mao.mp4", "video/mp4", Encoding.ASCII.GetBytes("%PDF-1.4 not a video")), null);
        await Assertions.Expect(trainer.Locator("[data-upload-error]")).ToContainTextAsync("không khớp với phần mở rộng .mp4");
        await trainer.ScreenshotAsync("media-library-desktop");
        var trainerPhone = await PhoneAsync(site);
        await trainerPhone.LoginAsync("trainer");
        await trainerPhone.GotoAsync($"/authoring/{course.CourseId}/media");
        await Assertions.Expect(trainerPhone.Locator("table")).ToContainTextAsync("media:gioi-thieu");
        await trainerPhone.ScreenshotAsync("media-library-390");
        Assert.True(await trainerPhone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the library scrolls sideways at 390 px");

        await trainer.GotoAsync($"/authoring/{course.CourseId}/lessons/{lessonId}");
        await trainer.GetByLabel("Nội dung (Markdown").FillAsync("# Bài một\n\n![Giới thiệu quy trình](media:gioi-thieu)\n\n![Sơ đồ](media:so-do-quy-trinh)\n\n![Thiếu](media:khong-co)");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Alert)).ToContainTextAsync("Thư viện của khóa học không có tệp «khong-co»");
        await trainer.GetByLabel("Nội dung (Markdown").FillAsync("# Bài một\n\n![Giới thiệu quy trình](media:gioi-thieu)\n\n![Sơ đồ](media:so-do-quy-trinh)");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp");
        await Assertions.Expect(trainer.Locator("article.prose video.media-video")).ToBeVisibleAsync();
        await trainer.GotoAsync($"/authoring/{course.CourseId}");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Xuất bản phiên bản mới" }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xuất bản phiên bản 2");

        foreach (var (page, name) in new[] { (await browser.NewPageAsync(site), "desktop"), (await PhoneAsync(site), "390") })
        {
            await page.LoginAsync(name == "desktop" ? "learner" : "NB0042");
            await page.GotoAsync($"/courses/{course.Code}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToHaveTextAsync("Bài một");
            await Assertions.Expect(page.Locator(".media-pdf-viewer canvas")).ToHaveCountAsync(1);
            await page.WaitForFunctionAsync("() => { const v = document.querySelector('video.media-video'); return v && v.readyState >= 1 && v.textTracks.length === 1; }");
            Assert.Equal(8, await page.EvaluateAsync<double>("() => Math.round(document.querySelector('video.media-video').duration)"));
            Assert.DoesNotContain("Đánh dấu đã học", await page.Locator(".lesson-nav").InnerTextAsync());
            await page.ScreenshotAsync($"media-lesson-{name}");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{page.Url} scrolls sideways at {name}");

            await page.EvaluateAsync("() => { const v = document.querySelector('video.media-video'); v.currentTime = v.duration - 0.3; }");
            await Assertions.Expect(page.Locator("#video-done")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#video-done")).ToContainTextAsync("Đã xem xong video: bài học đã hoàn thành.");
            await page.ScreenshotAsync($"media-lesson-watched-{name}");
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator(".lesson-nav .badge-ok")).ToHaveTextAsync("Đã học");
        }
        var completedLessons = await site.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            return db.Progress.CountAsync(p => db.Enrolments.Any(e => e.Id == p.EnrolmentId && e.CourseId == course.CourseId));
        });
        var watched = await site.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().Progress.CountAsync(p => p.WatchedAt != null));
        Assert.Equal((2, 2), (completedLessons, watched));
    }

    private static async Task UploadAsync(IPage page, string title, string slug, (string Name, string Type, byte[] Content) file, (string Name, byte[] Content)? captions)
    {
        await page.GetByLabel("Tên tệp trong thư viện").FillAsync(title);
        await page.GetByLabel("Tên tham chiếu").FillAsync(slug);
        if (captions is { } c) await page.GetByLabel("Phụ đề WebVTT").SetInputFilesAsync(new FilePayload { Name = c.Name, MimeType = "text/vtt", Buffer = c.Content });
        else await page.GetByLabel("Phụ đề WebVTT").SetInputFilesAsync(Array.Empty<FilePayload>());
        await page.GetByLabel("Tệp", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = file.Name, MimeType = file.Type, Buffer = file.Content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
    }

    private async Task<IPage> PhoneAsync(LiveSite site)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(Training.Courses.Permissions).Assembly.GetManifestResourceStream("courses-media/" + name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A valid one-page PDF (a blue band and a black frame, no fonts), with a correct cross-reference table.</summary>
    private static byte[] OnePagePdf()
    {
        var content = "0.12 0.31 0.47 rg 40 600 515 120 re f 0 0 0 RG 4 w 40 200 515 360 re S";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
