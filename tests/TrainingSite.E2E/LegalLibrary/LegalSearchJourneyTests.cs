using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Training.E2E.Infrastructure;
using Training.LegalLibrary.Import;

namespace Training.E2E.LegalLibrary;

/// <summary>A member of staff searches without diacritics and opens an article of Luật An ninh mạng; a trainer writes a
/// lesson citing a clause of that article and publishes it; a learner opens the lesson and follows the citation to the
/// clause, and the article page lists the lesson that cites it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LegalSearchJourneyTests(BrowserFixture browser)
{
    private const string Citation = "[[Luật An ninh mạng, Điều 8 khoản 2]]";

    private static string Corpus
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Training.sln"))) dir = dir.Parent;
            return Path.Combine(dir!.FullName, "tests", "TrainingSite.E2E", "LegalLibrary", "corpus");
        }
    }

    [GeneratedRegex(@"/legal/[^/]+/dieu-8#khoan-2$")]
    private static partial Regex ClauseUrl();

    [Fact]
    public async Task SearchWithoutAccentsOpensTheArticleAndALessonCitationLeadsToTheClause()
    {
        using var site = new LiveSite();
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ImportAsync(Corpus, _ => { });

        // Search typed without diacritics, open the article.
        var page = await browser.NewPageAsync(site);
        await page.GotoAsync("/legal");
        await page.GetByLabel("Nội dung cần tìm").FillAsync("an ninh mang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        var result = page.GetByRole(AriaRole.Link, new() { Name = "Điều 8. Các hành vi bị nghiêm cấm về an ninh mạng" });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await page.ScreenshotAsync("legal-search-an-ninh-mang");
        await result.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Điều 8");
        await Assertions.Expect(page.Locator(".breadcrumbs")).ToContainTextAsync("Luật An ninh mạng");
        await page.ScreenshotAsync("legal-article-an-ninh-mang-dieu-8");

        // A trainer writes a lesson citing clause 2 of that article and publishes the course.
        var trainer = await browser.NewPageAsync(site);
        await trainer.LoginAsync("trainer");
        await trainer.GetByLabel("Mã khóa học").FillAsync("E2E-LEGAL");
        await trainer.GetByLabel("Tên khóa học").FillAsync("Hành vi bị nghiêm cấm trên không gian mạng");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hành vi bị nghiêm cấm trên không gian mạng");
        var courseUrl = trainer.Url;
        await trainer.GetByLabel("Phần mới").FillAsync("Phần 1. Khung pháp lý");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Thêm phần" }).ClickAsync();
        await trainer.GetByLabel("Bài học mới").FillAsync("Tấn công mạng là hành vi bị cấm");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Thêm bài" }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Heading, new() { Name = "Sửa bài học" })).ToBeVisibleAsync();
        await trainer.GetByLabel("Nội dung (Markdown").FillAsync($"Tấn công mạng, khủng bố mạng bị nghiêm cấm theo {Citation}.");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        // The preview resolves the citation (an unresolved one would be a span with an error, not a link).
        await Assertions.Expect(trainer.Locator("article.prose a.citation")).ToHaveAttributeAsync("href", ClauseUrl());
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp");

        await trainer.GotoAsync(courseUrl + "/questions");
        await trainer.GetByLabel("Loại").SelectOptionAsync("truefalse");
        await trainer.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync("Tấn công mạng là hành vi bị nghiêm cấm.");
        await trainer.GetByLabel("Số thứ tự đáp án đúng").FillAsync("1");
        await trainer.GetByLabel("Giải thích").FillAsync("Khoản 2 Điều 8 Luật An ninh mạng.");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ngân hàng câu hỏi (1)");
        await trainer.GotoAsync(courseUrl);
        await trainer.GetByLabel("Số câu mỗi lượt", new() { Exact = true }).FillAsync("1");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Xuất bản phiên bản mới" }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xuất bản phiên bản 1");

        // A learner opens the lesson and follows the citation to the clause.
        var learner = await browser.NewPageAsync(site);
        await learner.LoginAsync("learner");
        await learner.GotoAsync("/courses/E2E-LEGAL");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" }).ClickAsync();
        await Assertions.Expect(learner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tấn công mạng là hành vi bị cấm");
        var link = learner.Locator("a.citation");
        await Assertions.Expect(link).ToHaveTextAsync("Khoản 2 Điều 8 Luật An ninh mạng");
        await learner.ScreenshotAsync("legal-lesson-citation");
        await link.ClickAsync();
        await learner.WaitForURLAsync(ClauseUrl());
        await Assertions.Expect(learner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Điều 8");
        await Assertions.Expect(learner.Locator("#khoan-2")).ToContainTextAsync("tấn công mạng");
        // The article lists the lesson that cites it.
        await Assertions.Expect(learner.GetByRole(AriaRole.Link, new() { Name = "Tấn công mạng là hành vi bị cấm" })).ToBeVisibleAsync();
        await learner.ScreenshotAsync("legal-article-cited-by-lesson");
    }
}
