using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.E2E.Infrastructure;
using Training.LegalLibrary.Import;

namespace Training.E2E.LegalLibrary;

/// <summary>A member of staff searches without diacritics, opens an article of Luật An ninh mạng, and follows a
/// citation to a clause. The lesson step needs the Courses module; until it is merged the citation is resolved
/// through <see cref="ICitationResolver"/> (the contract lessons use) and followed from there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LegalSearchJourneyTests(BrowserFixture browser)
{
    private static string Corpus
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Training.sln"))) dir = dir.Parent;
            return Path.Combine(dir!.FullName, "tests", "TrainingSite.E2E", "LegalLibrary", "corpus");
        }
    }

    [Fact]
    public async Task SearchWithoutAccentsOpensTheArticleAndACitationLeadsToTheClause()
    {
        using var site = new LiveSite(seedDemo: false);
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ImportAsync(Corpus, _ => { });
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

        CitationResult citation;
        using (var scope = site.Services.CreateScope())
            citation = await scope.ServiceProvider.GetRequiredService<ICitationResolver>().ResolveAsync("Luật An ninh mạng, Điều 8 khoản 2");
        Assert.True(citation.Resolved, citation.Error);
        await page.GotoAsync(citation.Url!);
        await Assertions.Expect(page.Locator("#khoan-2")).ToContainTextAsync("tấn công mạng");
    }
}
