using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.E2E.Infrastructure;

namespace Training.E2E.Courses;

/// <summary>A learner on a phone (390 px) finds a section's quiz after the section's lessons, takes it with the quiz
/// pages and sees it marked passed in the outline. Screenshots <c>sections-*-390.png</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SectionQuizJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ALearnerOnAPhoneTakesASectionQuizFromTheOutline()
    {
        using var site = new LiveSite();
        var owner = await site.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Owners.Select(o => o.UserId).FirstAsync());
        var course = await site.CreatePublishedCourseAsync(owner, "E2E-SEC", questions: 3, draw: 3);
        // The trainer gives "Phần 1" a quiz of one question drawn from the first question, then republishes.
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var draft = await db.Courses.Include(c => c.Sections).ThenInclude(s => s.Lessons).Include(c => c.Questions)
                .AsSplitQuery().SingleAsync(c => c.Id == course.CourseId);
            var section = draft.Sections.Single();
            section.QuizQuestionCount = 1;
            draft.Questions.Single(q => q.Order == 1).SectionId = section.Id;
            var published = await sp.GetRequiredService<AuthoringService>().PublishAsync(draft, owner);
            Assert.True(published.Version is not null, string.Join("; ", published.Errors));
        });

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.LoginAsync("NB0042");
        await page.GotoAsync($"/courses/{course.Code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" }).ClickAsync();
        await page.GotoAsync($"/courses/{course.Code}");
        await Assertions.Expect(page.Locator(".completion-rule")).ToContainTextAsync("đạt bài kiểm tra của từng phần");
        var quizLink = page.Locator(".section-quiz a");
        await Assertions.Expect(quizLink).ToHaveTextAsync("Bài kiểm tra phần «Phần 1»");
        await page.ScreenshotAsync("sections-outline-390");
        await AssertNoSidewaysScrollAsync(page);

        await quizLink.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Bài kiểm tra phần «Phần 1»");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
        await page.Locator("fieldset.question").First.GetByLabel("Phương án đúng", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("100 %");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bài kiểm tra phần «Phần 1» — Lượt 1");
        // Lessons and the final quiz are still ahead: no certificate hint after a section quiz.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chứng chỉ" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("sections-result-390");
        await AssertNoSidewaysScrollAsync(page);

        await page.GotoAsync($"/courses/{course.Code}");
        await Assertions.Expect(page.Locator(".section-quiz .badge-ok")).ToHaveTextAsync("Đạt");
        await page.ScreenshotAsync("sections-passed-390");
        await AssertNoSidewaysScrollAsync(page);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{page.Url} scrolls sideways");
}
