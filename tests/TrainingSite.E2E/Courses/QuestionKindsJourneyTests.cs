using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;
using Training.E2E.Infrastructure;

namespace Training.E2E.Courses;

/// <summary>Issue 14 items 3–4: a trainer writes a matching and a short-answer question and a course survey; a learner
/// answers both questions, sees the graded review, fills the survey; the trainer sees that results wait for 5 sheets.
/// Screenshots at desktop width and at 390 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionKindsJourneyTests(BrowserFixture browser)
{
    private async Task<IPage> PhoneAsync(LiveSite site)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task TrainerWritesMatchingAndShortAnswerLearnerAnswersAndEvaluatesTrainerSeesTooFewSheets()
    {
        using var site = new LiveSite();
        var owner = await site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Owners.Select(o => o.UserId).FirstAsync());
        var course = await site.CreatePublishedCourseAsync(owner, "E2E-14", questions: 1, draw: 1);
        var trainer = await browser.NewPageAsync(site);
        await trainer.LoginAsync("trainer");
        var editor = $"/authoring/{course.CourseId}";

        await trainer.GotoAsync(editor + "/questions");
        await trainer.GetByLabel("Loại").SelectOptionAsync("matching");
        await trainer.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync("Ghép điều luật với nội dung");
        await trainer.GetByLabel("Phương án, mỗi dòng").FillAsync("Điều 8 -> Hành vi bị nghiêm cấm\nĐiều 26 -> Bảo đảm thông tin");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await trainer.GetByLabel("Loại").SelectOptionAsync("shortanswer");
        await trainer.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync("Viết đầy đủ: UBND là gì?");
        await trainer.GetByLabel("Trả lời ngắn: các đáp án").FillAsync("Ủy ban nhân dân");
        await trainer.GetByLabel("Trả lời ngắn: chấp nhận cả khi gõ không dấu").CheckAsync();
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ngân hàng câu hỏi (3)");
        await trainer.ScreenshotAsync("quiz-bank-desktop");

        await trainer.GotoAsync(editor);
        await trainer.GetByLabel("Số câu mỗi lượt", new() { Exact = true }).FillAsync("3");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Xuất bản phiên bản mới" }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xuất bản phiên bản 2");

        await trainer.GotoAsync(editor + "/evaluation");
        await trainer.GetByLabel("Nội dung").FillAsync("Nội dung khóa học hữu ích cho công việc");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await trainer.GetByLabel("Loại").SelectOptionAsync("text");
        await trainer.GetByLabel("Nội dung").FillAsync("Góp ý để khóa học tốt hơn");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await Assertions.Expect(trainer.Locator("section.panel ol > li")).ToHaveCountAsync(2);

        var learner = await PhoneAsync(site);
        await learner.LoginAsync("learner");
        await learner.GotoAsync("/courses/E2E-14");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" }).ClickAsync();
        await learner.GotoAsync("/courses/E2E-14/quiz");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
        await Assertions.Expect(learner.Locator("fieldset.question")).ToHaveCountAsync(3);
        await learner.GetByLabel("Phương án đúng", new() { Exact = true }).CheckAsync();
        await learner.GetByLabel("Điều 8", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hành vi bị nghiêm cấm" });
        await learner.GetByLabel("Điều 26", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hành vi bị nghiêm cấm" });
        await learner.GetByLabel("Câu trả lời").FillAsync("uy ban nhan dan");
        await learner.ScreenshotAsync("quiz-attempt-390");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Nộp bài" }).ClickAsync();
        // 1 + 1/2 + 1 of 3 = 83.33 %: passed, with the matching question partly right.
        await Assertions.Expect(learner.GetByRole(AriaRole.Status).First).ToContainTextAsync("83,33");
        await Assertions.Expect(learner.Locator("body")).ToContainTextAsync("Đúng một phần (50 %)");
        await learner.ScreenshotAsync("quiz-review-390");

        await learner.GotoAsync("/courses/E2E-14/evaluation");
        await learner.GetByLabel("4 — Đồng ý").CheckAsync();
        await learner.GetByLabel("Góp ý để khóa học tốt hơn").FillAsync("Nên thêm ví dụ thực tế.");
        await learner.ScreenshotAsync("quiz-evaluation-390");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu" }).ClickAsync();
        await Assertions.Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync("Cảm ơn bạn đã gửi phiếu đánh giá");

        await trainer.GotoAsync(editor + "/evaluation");
        await Assertions.Expect(trainer.Locator("body")).ToContainTextAsync("Chưa đủ 5 phiếu trả lời");
        await Assertions.Expect(trainer.Locator("body")).Not.ToContainTextAsync("Nên thêm ví dụ thực tế");
        await trainer.ScreenshotAsync("quiz-evaluation-trainer-desktop");
        await trainer.SetViewportSizeAsync(390, 844);
        await trainer.ScreenshotAsync("quiz-evaluation-trainer-390");
    }
}
