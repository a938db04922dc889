using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Certification.Data;
using Training.Courses.Data;
using Training.E2E.Infrastructure;

namespace Training.E2E.Courses;

/// <summary>The quiz as a learner lives it: the countdown submits at zero; after a pass the result page leads to the
/// certificate; the course outline is numbered in order. Screenshots at desktop width and at 390 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuizJourneyTests(BrowserFixture browser)
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

    private static async Task<TestCourse> CourseAsync(LiveSite site, string code, int? timeLimit = null)
    {
        var owner = await site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Owners.Select(o => o.UserId).FirstAsync());
        return await site.CreatePublishedCourseAsync(owner, code, questions: 3, draw: 3, timeLimit: timeLimit);
    }

    [Fact]
    public async Task TheCountdownShowsTheTimeLeftAndSubmitsTheAttemptAtZero()
    {
        using var site = new LiveSite();
        var course = await CourseAsync(site, "E2E-TIME", timeLimit: 20);
        foreach (var (page, name) in new[] { (await browser.NewPageAsync(site), "desktop"), (await PhoneAsync(site), "390") })
        {
            await page.LoginAsync(name == "desktop" ? "learner" : "NB0042");
            await page.GotoAsync($"/courses/{course.Code}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" }).ClickAsync();
            await page.GotoAsync($"/courses/{course.Code}/quiz");
            await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-quiz-clock]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^(20:00|19:5[0-9])$"));
            await page.ScreenshotAsync($"courses-quiz-countdown-{name}");
            await AssertNoSidewaysScrollAsync(page);

            // Bring the deadline close (the server's clock is real here), reload: the page counts down and submits itself.
            var attemptId = Guid.Parse(new Uri(page.Url).Segments.Last());
            await site.WithScopeAsync(async sp => await sp.GetRequiredService<CoursesDbContext>().Attempts.Where(a => a.Id == attemptId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Deadline, DateTimeOffset.UtcNow.AddSeconds(4))));
            await page.ReloadAsync();
            await page.Locator("fieldset.question").First.GetByLabel("Phương án đúng", new() { Exact = true }).CheckAsync();
            await Assertions.Expect(page.Locator(".quiz-timer-low")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Điểm", new() { Timeout = 20_000 });
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("33,33 %");
            var attempt = await site.AttemptAsync(attemptId);
            Assert.Equal(AttemptStatus.Submitted, attempt.Status);
            Assert.Equal(33.33m, attempt.ScorePercent);
        }
    }

    [Fact]
    public async Task AfterAPassTheResultPageLeadsToTheNewCertificate()
    {
        using var site = new LiveSite();
        var course = await CourseAsync(site, "E2E-CT");
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            db.Programmes.Add(new Programme
            {
                Id = Guid.NewGuid(), Code = "CT-E2E-Q", Name = "Chương trình kiểm thử kết quả", CourseCodes = course.Code, MinScore = 70m, ValidityMonths = 24,
                IssuingBody = "UBND tỉnh Ninh Bình", IssuingUnitName = "Sở Giáo dục và Đào tạo Ninh Bình", IssuerCode = "SGDĐT-NB", Place = "Ninh Bình",
                SignerTitle = "GIÁM ĐỐC", SignerName = "Nguyễn Thị Thanh Hương", Wording = "Đã hoàn thành chương trình bồi dưỡng", IsActive = true,
            });
            await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("learner");
        await page.GotoAsync($"/courses/{course.Code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã học" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã học" }).ClickAsync();
        await page.GotoAsync($"/courses/{course.Code}/quiz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
        var questions = page.Locator("fieldset.question");
        for (var i = 0; i < 3; i++) await questions.Nth(i).GetByLabel("Phương án đúng", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đạt");

        // Issued asynchronously: the page says "being issued" until then; reloading shows the certificate.
        var hint = page.Locator("section[aria-labelledby=certificate-hint]");
        for (var i = 0; i < 60 && !(await hint.InnerTextAsync()).Contains("Đã cấp chứng chỉ", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Assertions.Expect(hint).ToContainTextAsync("Đã cấp chứng chỉ «Chương trình kiểm thử kết quả»");
        await page.ScreenshotAsync("courses-result-certificate");
        await hint.GetByRole(AriaRole.Link, new() { Name = "Xem và tải chứng chỉ" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.certificate").Filter(new() { HasText = "Chương trình kiểm thử kết quả" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheCourseOutlineNumbersLessonsInOrderUnderTheirSections()
    {
        using var site = new LiveSite();
        foreach (var (page, name) in new[] { (await browser.NewPageAsync(site), "desktop"), (await PhoneAsync(site), "390") })
        {
            await page.GotoAsync("/courses/KPL-01");
            var lists = page.Locator("ol.lesson-list");
            await Assertions.Expect(lists).ToHaveCountAsync(2);
            await Assertions.Expect(lists.Nth(0)).ToHaveAttributeAsync("start", "1");
            await Assertions.Expect(lists.Nth(1)).ToHaveAttributeAsync("start", "3");
            await Assertions.Expect(page.Locator("h3.section-title").First).ToHaveTextAsync("Phần 1. Hệ thống văn bản");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("đạt từ 70\u00a0%, 20 phút");
            await page.ScreenshotAsync($"courses-outline-{name}");
            await AssertNoSidewaysScrollAsync(page);
        }
    }

    [Fact]
    public async Task HrAssignsACourseAndRunningItAgainAddsNobody()
    {
        using var site = new LiveSite();
        foreach (var (page, name) in new[] { (await browser.NewPageAsync(site), "desktop"), (await PhoneAsync(site), "390") })
        {
            await page.LoginAsync("hr");
            await page.GotoAsync("/hr/assignments");
            await page.GetByLabel("Khóa học", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "KN-02 — " + await CourseTitleAsync(site, "KN-02") });
            await page.GetByRole(AriaRole.Button, new() { Name = "Giao khóa học" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(name == "desktop" ? "Đã giao khóa học cho" : "Đã giao khóa học cho 0 cán bộ.");
            await page.ScreenshotAsync($"courses-assignments-{name}");
            await AssertNoSidewaysScrollAsync(page);
        }
        var added = await site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Assignments.CountAsync());
        Assert.True(added > 100, $"{added} assignments");
    }

    [Fact]
    public async Task TheTrainerSeesTheImportHelpInVietnameseAndTheReviewSetting()
    {
        using var site = new LiveSite();
        var courseId = await site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Courses.Where(c => c.Code == "KPL-01").Select(c => c.Id).SingleAsync());
        foreach (var (page, name) in new[] { (await browser.NewPageAsync(site), "desktop"), (await PhoneAsync(site), "390") })
        {
            await page.LoginAsync("trainer");
            await page.GotoAsync($"/authoring/{courseId}/questions");
            var help = page.GetByRole(AriaRole.Table, new() { Name = "Các cột của tệp câu hỏi" });
            await Assertions.Expect(help).ToContainTextAsync("Số thứ tự các phương án đúng, đánh số từ 1");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải tệp mẫu" })).ToBeVisibleAsync();
            await page.ScreenshotAsync($"courses-authoring-questions-{name}");
            await AssertNoSidewaysScrollAsync(page);
            await page.GotoAsync($"/authoring/{courseId}");
            await Assertions.Expect(page.GetByLabel("Xem lại bài làm sau khi nộp")).ToHaveValueAsync("AnswersWhenFinished");
            await page.ScreenshotAsync($"courses-authoring-edit-{name}");
            await AssertNoSidewaysScrollAsync(page);
        }
    }

    /// <summary>No horizontal page scroll (at 390 px too): wide tables scroll inside their <c>.table-wrap</c>.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{page.Url} scrolls sideways");

    private static Task<string> CourseTitleAsync(LiveSite site, string code) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Courses.Where(c => c.Code == code).Select(c => c.Title).SingleAsync());
}
