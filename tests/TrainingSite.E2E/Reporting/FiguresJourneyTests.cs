using Microsoft.Extensions.DependencyInjection;
using Training.E2E.Infrastructure;
using Training.LegalLibrary.Import;

namespace Training.E2E.Reporting;

/// <summary>Issue 10, items 13 and 15, as HR sees them in the browser: the plan's document links to the legal library
/// (the decision it implements, absent from the library, is plain text), the unit table of a target reconciles with its
/// total, and a certificate's history reads in Vietnamese. Screenshots at desktop width and at 390 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FiguresJourneyTests(BrowserFixture browser)
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
    public async Task HrFollowsThePlanToTheLibraryAndReadsAReconciledUnitTable()
    {
        using var site = new LiveSite();
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ImportAsync(Corpus, _ => { });
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("hr");

        await page.GotoAsync("/hr/plans");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Thực hiện Đề án") }).ClickAsync();
        var documents = page.Locator("dl.facts dd").Last;
        await Assertions.Expect(documents).ToContainTextAsync("Căn cứ: 1278/QĐ-BTTTT");
        await Assertions.Expect(documents.GetByRole(AriaRole.Link, new() { Name = "1278/QĐ-BTTTT" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("reporting-plan-documents");
        await documents.GetByRole(AriaRole.Link, new() { Name = "58/KH-SGDĐT" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("58/KH-SGDĐT");
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Xem theo đơn vị" }).First.ClickAsync();
        var table = page.Locator("table").Filter(new() { HasText = "Cộng các dòng" });
        await Assertions.Expect(table.Locator("tfoot")).ToContainTextAsync("Trừ: người có vị trí ở nhiều dòng trên");
        await Assertions.Expect(table.Locator("tfoot")).ToContainTextAsync("Tổng Sở Giáo dục và Đào tạo Ninh Bình");
        await Assertions.Expect(table.Locator("tr.row-direct")).ToContainTextAsync("Trực tiếp tại Sở Giáo dục và Đào tạo Ninh Bình");
        await table.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("reporting-dashboard-reconciled");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("reporting-dashboard-reconciled-390");

        // The people placed in the Sở itself, from the direct row.
        await page.SetViewportSizeAsync(1280, 900);
        await table.Locator("tr.row-direct").GetByRole(AriaRole.Link, new() { Name = "Danh sách cán bộ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Trực tiếp tại Sở Giáo dục và Đào tạo Ninh Bình");
        await page.ScreenshotAsync("reporting-direct-people");
    }

    [Fact]
    public async Task HrReadsACertificatesHistoryInVietnamese()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("hr");

        await page.GotoAsync("/hr/certificates?status=valid");
        await page.Locator("table tbody tr a").First.ClickAsync();
        await page.GetByLabel("Lý do thu hồi").FillAsync("Phát hiện sai sót trong hồ sơ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi chứng chỉ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã thu hồi chứng chỉ.");
        // The certificate's own audit trail, not the holder's cycle history further down the page.
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Lịch sử", Exact = true });
        await Assertions.Expect(history).ToContainTextAsync("Cấp chứng chỉ");
        await Assertions.Expect(history).ToContainTextAsync("Thu hồi");
        await Assertions.Expect(history).ToContainTextAsync("Phát hiện sai sót trong hồ sơ");
        await Assertions.Expect(history).Not.ToContainTextAsync("revoked");
        await Assertions.Expect(history).Not.ToContainTextAsync("issued");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Hình thức cấp");
        await page.ScreenshotAsync("certification-history");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("certification-history-390");
    }
}
