using Training.E2E.Infrastructure;

namespace Training.E2E.Heads;

[Collection(BrowserCollection.Name)]
public sealed class UnitHeadJourneyTests(BrowserFixture browser)
{
    /// <summary>The demo principal of Trường THPT chuyên Lương Văn Tụy (a learner who heads the school by position) opens
    /// "Đơn vị của tôi" from the menu, finds a teacher, sends a reminder (a second one the same day is refused), and the
    /// teacher finds it in their notifications. Screenshots at desktop width and at 390 px.</summary>
    [Fact]
    public async Task UnitHeadSeesTheSchoolAndRemindsATeacher()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("head");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị của tôi" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đơn vị của tôi");
        await Assertions.Expect(page.Locator("p.lead")).ToContainTextAsync("Trường THPT chuyên Lương Văn Tụy");
        await page.GetByLabel("Tên hoặc mã cán bộ").FillAsync("Phạm Minh Đức");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var row = page.Locator("table tbody tr").Filter(new() { HasText = "Phạm Minh Đức" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await page.ScreenshotAsync("heads-my-units");

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Nhắc việc") }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã gửi nhắc việc cho Phạm Minh Đức.");
        await page.Locator("table tbody tr").Filter(new() { HasText = "Phạm Minh Đức" }).GetByRole(AriaRole.Button, new() { NameRegex = new("^Nhắc việc") }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("đã được nhắc hôm nay");
        await page.ScreenshotAsync("heads-my-units-reminded");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/my-units");
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("heads-my-units-390");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The page scrolls sideways at 390 px.");

        var learner = await browser.NewPageAsync(site);
        await learner.LoginAsync("learner");
        await learner.GotoAsync("/notifications");
        await Assertions.Expect(learner.GetByText("Trưởng đơn vị Đỗ Văn Thành nhắc việc học tập").First).ToBeVisibleAsync();
        // The teacher heads nothing: the page is refused to them.
        await learner.GotoAsync("/my-units");
        await Assertions.Expect(learner.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Đơn vị của tôi");
        await Assertions.Expect(learner.GetByRole(AriaRole.Link, new() { Name = "Đơn vị của tôi" })).ToHaveCountAsync(0);
    }
}
