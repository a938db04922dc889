using System.Text.RegularExpressions;
using Training.E2E.Infrastructure;

namespace Training.E2E.Organisation;

[Collection(BrowserCollection.Name)]
public sealed partial class AudienceJourneyTests(BrowserFixture browser)
{
    /// <summary>Issue 11, item 3: HR of Ninh Bình finds the demo audiences with their figures, creates an audience of the
    /// heads of subject groups, sees who it holds, attaches a course, and sees the assignments counted in the list.</summary>
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task HrCreatesAnAudienceAttachesACourseAndSeesItsCounts(int width, string name)
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.SetViewportSizeAsync(width, 844);
        await page.LoginAsync("hr");

        await page.GotoAsync("/hr/audiences");
        var teachers = page.Locator("tr", new() { HasText = "Giáo viên — Sở GD&ĐT Ninh Bình" });
        await Assertions.Expect(teachers.Locator("td[data-col=size]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(teachers.Locator("td[data-col=assigned]")).Not.ToHaveTextAsync("0");
        // Cát Hải's audience is outside this HR user's scope.
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("UBND huyện Cát Hải");
        await page.ScreenshotAsync($"audiences-list-{name}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo nhóm đối tượng" }).ClickAsync();
        await page.GetByLabel("Tên nhóm").FillAsync("Tổ trưởng chuyên môn — Ninh Bình");
        // The unit picker: typed without diacritics, the Sở chosen from the list (the rule takes its whole subtree).
        var units = page.GetByRole(AriaRole.Combobox, new() { Name = "Thêm đơn vị" });
        await units.FillAsync("so giao duc ninh binh");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Sở Giáo dục và Đào tạo Ninh Bình ·" }).First.ClickAsync();
        await Assertions.Expect(units).ToHaveValueAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        await page.GetByLabel("Chức vụ (mỗi dòng một giá trị; để trống là mọi chức vụ)").FillAsync("Tổ trưởng chuyên môn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và đánh giá" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã lưu và đánh giá lại nhóm đối tượng.");
        var size = int.Parse(await page.Locator("[data-figure=size]").InnerTextAsync());
        Assert.True(size > 0, "the demo has heads of subject groups in Ninh Bình");
        await page.ScreenshotAsync($"audience-saved-{name}");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = CoursesLink() }).ClickAsync();
        var courses = page.GetByLabel("Khóa học", new() { Exact = true });
        await courses.SelectOptionAsync((await courses.Locator("option", new() { HasText = "KN-02" }).GetAttributeAsync("value"))!);
        await page.GetByLabel("Số ngày").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gắn và giao" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(AttachedMessage());
        await page.ScreenshotAsync($"audience-courses-{name}");

        await page.GotoAsync("/hr/audiences");
        var row = page.Locator("tr", new() { HasText = "Tổ trưởng chuyên môn — Ninh Bình" });
        await Assertions.Expect(row.Locator("td[data-col=size]")).ToHaveTextAsync(size.ToString());
        // Everybody who had not been given KN-02 by hand before is now assigned it by the audience.
        var assigned = int.Parse(await row.Locator("td[data-col=assigned]").InnerTextAsync());
        Assert.InRange(assigned, 1, size);
        await Assertions.Expect(row.Locator("td[data-col=overdue]")).ToHaveTextAsync("0");
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"The page scrolls sideways: {scroll} px wide in a {client} px window.");
    }

    [GeneratedRegex(@"Đã gắn 1 khóa học; giao mới cho \d+ lượt người\.")]
    private static partial Regex AttachedMessage();

    [GeneratedRegex("^Khóa học của nhóm")]
    private static partial Regex CoursesLink();
}
