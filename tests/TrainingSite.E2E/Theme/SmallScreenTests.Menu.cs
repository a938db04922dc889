using Training.E2E.Infrastructure;

namespace Training.E2E.Theme;

/// <summary>On a phone the menu folds behind one button, opens and closes from the keyboard with its state announced,
/// holds the language selector and the account buttons, and works without JavaScript; on a desktop it is shown.</summary>
public sealed partial class SmallScreenTests
{
    private const string MenuName = "Danh mục";

    [Fact]
    public async Task OnAPhoneTheMenuIsFoldedBehindAButtonThatTheKeyboardOpensAndEscapeCloses()
    {
        var page = await NewPageAsync(LayoutProbe.PhoneWidth, LayoutProbe.PhoneHeight);
        await page.LoginAsync("learner");
        await page.GotoAsync("/learning");
        var toggle = page.Locator("summary.menu-toggle");
        var courses = page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Khóa học", Exact = true });
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" });

        await Assertions.Expect(toggle).ToHaveTextAsync(MenuName);
        await Assertions.Expect(courses).ToBeHiddenAsync();
        await Assertions.Expect(signOut).ToBeHiddenAsync();
        Assert.False(await ExpandedStateAsync(page, MenuName));
        Assert.InRange(await LayoutProbe.HeaderHeightAsync(page), 1, 120);

        // Third stop of the keyboard (skip link, home link, menu button), with a visible focus ring.
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches('summary.menu-toggle')"));
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(courses).ToBeVisibleAsync();
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        Assert.True(await ExpandedStateAsync(page, MenuName));
        Assert.Empty(await LayoutProbe.SmallTapTargetsAsync(page));
        Assert.Equal(0, await LayoutProbe.SidewaysScrollAsync(page));
        await ShotAsync(page, "390-menu-open");

        // Escape from inside the menu folds it and gives the focus back to the button.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(courses).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches('summary.menu-toggle')"));

        // A tap opens it, a link leads on, and the next page starts folded.
        await toggle.ClickAsync();
        await courses.ClickAsync();
        await page.WaitForURLAsync("**/courses");
        await Assertions.Expect(courses).ToBeHiddenAsync();

        // The language selector in the menu switches the page to English.
        await toggle.ClickAsync();
        await page.Locator("#culture-menu").SelectOptionAsync("en");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(toggle).ToHaveTextAsync("Menu");
        await toggle.ClickAsync();
        await page.Locator("#culture-menu").SelectOptionAsync("vi-VN");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        // Signing out from the phone menu signs out.
        await toggle.ClickAsync();
        await signOut.ClickAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator(".menu-panel").GetByRole(AriaRole.Link, new() { Name = "Đăng nhập", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(signOut).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnADesktopTheMenuIsShownAndTheButtonIsNot()
    {
        var page = await NewPageAsync(LayoutProbe.DesktopWidth, LayoutProbe.DesktopHeight);
        await page.GotoAsync("/courses");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Thư viện pháp luật" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("summary.menu-toggle")).ToBeHiddenAsync();
        Assert.True(await ExpandedStateAsync(page, MenuName) is null or true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithoutJavaScriptThePhoneMenuStillOpensAndTheDesktopMenuIsShown()
    {
        var page = await NewPageAsync(LayoutProbe.PhoneWidth, LayoutProbe.PhoneHeight, javaScript: false);
        await page.GotoAsync("/courses");
        var legal = page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Thư viện pháp luật" });
        await Assertions.Expect(legal).ToBeHiddenAsync();
        await page.Locator("summary.menu-toggle").ClickAsync();
        await Assertions.Expect(legal).ToBeVisibleAsync();
        await ShotAsync(page, "390-menu-open-without-javascript");

        await page.SetViewportSizeAsync(LayoutProbe.DesktopWidth, LayoutProbe.DesktopHeight);
        await page.GotoAsync("/courses");
        await Assertions.Expect(legal).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("summary.menu-toggle")).ToBeHiddenAsync();
        await ShotAsync(page, "1280-menu-without-javascript");
        await page.Context.CloseAsync();
    }
}
