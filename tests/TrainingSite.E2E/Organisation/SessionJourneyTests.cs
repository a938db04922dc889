using Training.E2E.Infrastructure;

namespace Training.E2E.Organisation;

/// <summary>Sessions in a real browser: a sign-out ends the session for every copy of its cookie, and wrong passwords
/// slow the guesser down with a message that names the wait (phone width, screenshot).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ACookieCopiedToAnotherBrowserStopsWorkingWhenItsOwnerSignsOut()
    {
        using var site = new LiveSite();
        var owner = await browser.NewPageAsync(site);
        await owner.LoginAsync("learner");
        var copy = await browser.NewPageAsync(site);
        await copy.Context.AddCookiesAsync((await owner.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));

        await copy.GotoAsync("/account/password");
        await Assertions.Expect(copy.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đổi mật khẩu");
        await owner.GotoAsync("/account/logout");
        await owner.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await owner.WaitForURLAsync(url => !url.Contains("/account/logout", StringComparison.Ordinal));
        await copy.GotoAsync("/account/password");

        Assert.Contains("/account/login", copy.Url);
        await Assertions.Expect(copy.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đăng nhập");
    }

    [Fact]
    public async Task WrongPasswordsOnAPhoneEndWithTheWaitNamed()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.SetViewportSizeAsync(390, 844);

        for (var i = 0; i < 6; i++)
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Tên đăng nhập").FillAsync("learner");
            await page.GetByLabel("Mật khẩu").FillAsync("Sai@Matkhau" + i);
            // Wait for the server's answer to this POST and for its error to show, not for a browser "load" event:
            // under load the click's navigation and WaitForLoadStateAsync raced, and the wait could hang for 30 s.
            await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator(".alert-error")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("Đăng nhập sai nhiều lần. Vui lòng thử lại sau 1 phút.");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide");
        await page.ScreenshotAsync("login-throttled-390");
    }
}
