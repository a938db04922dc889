using Training.E2E.Infrastructure;

namespace Training.E2E.Organisation;

[Collection(BrowserCollection.Name)]
public sealed class UnitPickerJourneyTests(BrowserFixture browser)
{
    /// <summary>Issue 11 at 20,000 units: the administrator moves a person by typing the school's name without
    /// diacritics into the unit picker, choosing it from the list with the keyboard, and saving.</summary>
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task AdministratorPicksAUnitByTypingWithoutDiacritics(int width, string name)
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.SetViewportSizeAsync(width, 844);
        await page.LoginAsync("admin");

        await page.GotoAsync("/admin/users?q=Ninh%20B%C3%ACnh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ cán bộ" }).First.ClickAsync();
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị chính" });
        await Assertions.Expect(box).ToBeVisibleAsync();
        // With script the fallback select and its search button are hidden.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tìm đơn vị" }).First).ToBeHiddenAsync();

        await box.FillAsync("dinh tien hoang");
        var list = page.GetByRole(AriaRole.Listbox, new() { Name = "Đơn vị khớp" }).First;
        var option = list.GetByRole(AriaRole.Option).Filter(new() { HasText = "Trường THPT Đinh Tiên Hoàng" });
        await Assertions.Expect(option).ToHaveCountAsync(1);
        await Assertions.Expect(option).ToContainTextAsync("Sở Giáo dục và Đào tạo Ninh Bình ›");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await page.ScreenshotAsync($"unit-picker-open-{name}");
        AssertNoSidewaysScroll(await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]"));

        await box.PressAsync("ArrowDown");
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");
        await Assertions.Expect(list).ToBeHiddenAsync();
        await Assertions.Expect(box).ToHaveValueAsync("Trường THPT Đinh Tiên Hoàng");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu hồ sơ" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị chính" })).ToHaveValueAsync("Trường THPT Đinh Tiên Hoàng");
        await Assertions.Expect(page.Locator("[data-unit-path]").First).ToContainTextAsync("› Trường THPT Đinh Tiên Hoàng");
        await page.ScreenshotAsync($"unit-picker-saved-{name}");
    }

    /// <summary>Without script the same page still works: "Tìm đơn vị" posts the form, the matches come back in a
    /// select, and choosing one and saving moves the person.</summary>
    [Fact]
    public async Task WithoutScriptTheSearchButtonFillsASelectOfMatches()
    {
        using var site = new LiveSite();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, Locale = "vi-VN", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.LoginAsync("admin");
        await page.GotoAsync("/admin/users?q=Ninh%20B%C3%ACnh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ cán bộ" }).First.ClickAsync();

        await page.GetByLabel("Đơn vị chính").FillAsync("kim son");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm đơn vị" }).First.ClickAsync();
        var select = page.Locator("select#unit");
        await Assertions.Expect(select.Locator("option", new() { HasText = "Trường THPT Kim Sơn A" })).ToHaveCountAsync(1);
        await select.SelectOptionAsync(new SelectOptionValue { Label = await select.Locator("option", new() { HasText = "Trường THPT Kim Sơn A" }).InnerTextAsync() });
        await page.ScreenshotAsync("unit-picker-noscript-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu hồ sơ" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Đơn vị chính")).ToHaveValueAsync("Trường THPT Kim Sơn A");
        await context.CloseAsync();
    }

    private static void AssertNoSidewaysScroll(int[] widths) =>
        Assert.True(widths[0] <= widths[1], $"The page scrolls sideways: {widths[0]} px wide in a {widths[1]} px window.");
}
