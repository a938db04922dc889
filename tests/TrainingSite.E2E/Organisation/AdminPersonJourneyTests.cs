using Training.E2E.Infrastructure;

namespace Training.E2E.Organisation;

[Collection(BrowserCollection.Name)]
public sealed class AdminPersonJourneyTests(BrowserFixture browser)
{
    /// <summary>Issue 11, item 3 (admin edits): the administrator opens a person's record from the accounts list, makes
    /// them head of a subject group and saves; the person's audiences are evaluated at once (the page says so).</summary>
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task AdministratorEditsAPersonsRosterFacts(int width, string name)
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.SetViewportSizeAsync(width, 844);
        await page.LoginAsync("admin");

        await page.GotoAsync("/admin/users?q=Ninh%20B%C3%ACnh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ cán bộ" }).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Đơn vị chính")).ToBeVisibleAsync();
        await page.GetByLabel("Chức vụ").FillAsync("Tổ trưởng chuyên môn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu hồ sơ và đánh giá lại các nhóm đối tượng của cán bộ.");
        await Assertions.Expect(page.GetByLabel("Chức vụ")).ToHaveValueAsync("Tổ trưởng chuyên môn");
        await page.ScreenshotAsync($"admin-person-{name}");
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"The page scrolls sideways: {scroll} px wide in a {client} px window.");
    }
}
