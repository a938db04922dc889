using Microsoft.Extensions.DependencyInjection;
using Training.E2E.Infrastructure;
using Training.LegalLibrary.Import;

namespace Training.E2E.LegalLibrary;

/// <summary>On the real library (../shared/corpus): a member of staff mistypes a query and follows "Có phải bạn muốn
/// tìm"; types a query without diacritics and sees the accented form searched; searches inside Luật An ninh mạng from
/// its page and jumps to an article by number; opens an article of Nghị định 13/2023 (replaced by Luật Bảo vệ dữ liệu
/// cá nhân 91/2025) and follows the link to the corresponding article of the replacing law.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchFeaturesJourneyTests(BrowserFixture browser)
{
    private static string SharedCorpus
    {
        get
        {
            var root = CorpusLocator.RepositoryRoot(AppContext.BaseDirectory);
            var corpus = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
            Assert.True(Directory.Exists(corpus), $"The legal corpus is missing: {corpus} must sit beside the repository.");
            return corpus;
        }
    }

    /// <summary>Full-page screenshots at desktop width and at 390 px (phones).</summary>
    private static async Task BothWidthsAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(name);
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(name + "-390");
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task DidYouMeanRestoredFormSearchInADocumentJumpToAnArticleAndTheReplacingArticle()
    {
        using var site = new LiveSite(seedDemo: false);
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ImportAsync(SharedCorpus, _ => { });
        var page = await browser.NewPageAsync(site);

        // A misspelt syllable: the page offers the corrected query, and following it searches the corrected form.
        await page.GotoAsync("/legal");
        var box = page.GetByLabel("Nội dung cần tìm");
        await box.FillAsync("hành vi nghiêm cấmm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        var suggestion = page.Locator("#goi-y");
        await Assertions.Expect(suggestion).ToContainTextAsync("Có phải bạn muốn tìm: hành vi nghiêm cấm");
        await suggestion.GetByRole(AriaRole.Link, new() { Name = "hành vi nghiêm cấm" }).ClickAsync();
        await Assertions.Expect(box).ToHaveValueAsync("hành vi nghiêm cấm");
        await Assertions.Expect(suggestion).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article.card").First).ToContainTextAsync("nghiêm cấm");

        // Typed without diacritics: the page says which accented form it searched for.
        await box.FillAsync("bao ve du lieu ca nhan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dang-co-dau")).ToContainTextAsync("Đã tìm theo dạng có dấu: bảo vệ dữ liệu cá nhân");
        await Assertions.Expect(page.Locator("#goi-y")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article.card").First).ToContainTextAsync("dữ liệu cá nhân");
        await BothWidthsAsync(page, "legal-search-restored-form");

        // Search inside one document from its page: every result is an article of that document.
        await page.GotoAsync("/legal/luat-an-ninh-mang");
        await page.GetByLabel("Tìm trong văn bản này").FillAsync("tấn công mạng");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        var results = page.Locator("#ket-qua article.card h3 a");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        foreach (var href in await results.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            Assert.StartsWith("/legal/luat-an-ninh-mang/", href);
        await Assertions.Expect(page.Locator("#ket-qua")).ToContainTextAsync("điều khoản phù hợp");
        await BothWidthsAsync(page, "legal-document-search");

        // Jump to an article by its number.
        await page.GetByLabel("Đến điều số").FillAsync("Điều 8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đến", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/legal/luat-an-ninh-mang/dieu-8", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Điều 8");

        // An article of a replaced decree (Điều 1 of Nghị định 13/2023 in the pháp điển topic An ninh mạng) links to the
        // article of the replacing law (Luật Bảo vệ dữ liệu cá nhân 91/2025) that covers the same ground.
        await page.GotoAsync("/legal/phap-dien-an-ninh-mang");
        await page.GetByLabel("Đến điều số").FillAsync("1.11.NĐ.1.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đến", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Phạm vi điều chỉnh và đối tượng áp dụng");
        await Assertions.Expect(page.Locator("h1 + p.muted")).ToContainTextAsync("Bị thay thế bởi 91/2025/QH15");
        await Assertions.Expect(page.Locator(".alert-info")).ToContainTextAsync("13/2023/NĐ-CP");
        var successor = page.Locator("#dieu-thay-the");
        await Assertions.Expect(successor).ToContainTextAsync("Điều tương ứng trong văn bản thay thế");
        await Assertions.Expect(successor).ToContainTextAsync("91/2025/QH15");
        await BothWidthsAsync(page, "legal-article-replacement-link");
        await successor.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Phạm vi điều chỉnh");
        await Assertions.Expect(page.Locator(".alert-info")).ToContainTextAsync("91/2025/QH15");
    }
}
