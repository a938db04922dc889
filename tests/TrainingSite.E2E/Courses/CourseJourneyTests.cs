using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.E2E.Infrastructure;

namespace Training.E2E.Courses;

[Collection(BrowserCollection.Name)]
public sealed class CourseJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TrainerCreatesACourseWithTwoLessonsAndAThreeQuestionQuizAndPublishesIt()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("trainer");
        Assert.EndsWith("/authoring", new Uri(page.Url).AbsolutePath);

        await page.GetByLabel("Mã khóa học").FillAsync("E2E-01");
        await page.GetByLabel("Tên khóa học").FillAsync("Nhận diện tin nhắn lừa đảo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhận diện tin nhắn lừa đảo");
        var courseUrl = page.Url;

        await page.GetByLabel("Phần mới").FillAsync("Phần 1. Nhận diện");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm phần" }).ClickAsync();
        foreach (var (title, body) in new[]
        {
            ("Dấu hiệu tin nhắn giả mạo", "## Dấu hiệu\n\n| Dấu hiệu | Việc cần làm |\n|---|---|\n| Đường dẫn lạ | Không bấm |\n\nXem [[Bộ luật Hình sự, Điều 290]]."),
            ("Xử lý khi nhận tin nhắn", "1. Không cung cấp mã OTP.\n2. Báo cáo bộ phận CNTT."),
        })
        {
            await page.GotoAsync(courseUrl);
            await page.GetByLabel("Bài học mới").FillAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm bài" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sửa bài học" })).ToBeVisibleAsync();
            await page.GetByLabel("Nội dung (Markdown").FillAsync(body);
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
            await Assertions.Expect(page.Locator("article.prose")).ToContainTextAsync(body.Contains("OTP") ? "Không cung cấp mã OTP" : "Đường dẫn lạ");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp");
        }
        await page.ScreenshotAsync("courses-authoring-lesson");

        await page.GotoAsync(courseUrl + "/questions");
        for (var i = 1; i <= 3; i++)
        {
            await page.GetByLabel("Loại").SelectOptionAsync(i == 3 ? "truefalse" : "single");
            await page.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync($"Câu hỏi số {i} về tin nhắn lừa đảo?");
            if (i != 3) await page.GetByLabel("Phương án, mỗi dòng").FillAsync("Không bấm đường dẫn\nBấm ngay\nChuyển tiền");
            await page.GetByLabel("Số thứ tự đáp án đúng").FillAsync("1");
            await page.GetByLabel("Giải thích").FillAsync("Không bao giờ làm theo tin nhắn lạ.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ngân hàng câu hỏi (3)");

        await page.GotoAsync(courseUrl);
        await page.GetByLabel("Số câu mỗi lượt", new() { Exact = true }).FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản phiên bản mới" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xuất bản phiên bản 1");
        await page.ScreenshotAsync("courses-authoring-published");

        await page.GotoAsync("/courses?q=tin+nhan+lua+dao");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhận diện tin nhắn lừa đảo" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("2 bài học");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("3 câu");
    }

    [Fact]
    public async Task LearnerEnrolsReadsFailsTheQuizPassesOnTheSecondAttemptAndSeesTheCourseCompleted()
    {
        using var site = new LiveSite();
        await CreateCourseAsync(site);
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("learner");

        await page.GotoAsync("/courses");
        await page.GetByRole(AriaRole.Link, new() { Name = "Khóa học kiểm thử" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToHaveTextAsync("Bài một");
        await page.ScreenshotAsync("courses-lesson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã học" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToHaveTextAsync("Bài hai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã học" }).ClickAsync();

        await TakeQuizAsync(page, "Phương án sai một");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Chưa đạt");
        // By default the correct answers wait until the learner passed or used every attempt.
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Đáp án đúng và giải thích được hiện khi bạn đã đạt");
        await page.ScreenshotAsync("courses-quiz-failed");

        await TakeQuizAsync(page, "Phương án đúng");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đạt");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Giải thích bí mật");

        await page.GetByRole(AriaRole.Link, new() { Name = "Về trang khóa học" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Bạn đã hoàn thành khóa học");
        await page.GotoAsync("/learning");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Đã hoàn thành");
        await page.ScreenshotAsync("courses-my-learning");
    }

    private static async Task TakeQuizAsync(IPage page, string option)
    {
        await page.GotoAsync("/courses/E2E-02/quiz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
        var questions = page.Locator("fieldset.question");
        await Assertions.Expect(questions).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++) await questions.Nth(i).GetByLabel(option, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bài" }).ClickAsync();
    }

    /// <summary>The shared test course (Training.Testing): two lessons "Bài một" and "Bài hai", three questions whose
    /// right option is "Phương án đúng", owned by the demo trainer.</summary>
    private static async Task CreateCourseAsync(LiveSite site)
    {
        var owner = await site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Owners.Select(o => o.UserId).FirstAsync());
        await site.CreatePublishedCourseAsync(owner, "E2E-02", questions: 3, draw: 3);
    }
}
