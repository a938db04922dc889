using Training.E2E.Infrastructure;

namespace Training.E2E.Organisation;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task LearnerOpensTwoFactorEnrolmentAndSeesTheQrCodeAtDesktopAndPhoneWidth()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("learner");

        await page.GotoAsync("/account/password");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xác thực hai bước (ứng dụng xác thực trên điện thoại)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Xác thực hai bước");
        await Assertions.Expect(page.GetByAltText("Mã QR để thêm tài khoản vào ứng dụng xác thực")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#shared-key")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-7]{16,}$"));
        await page.ScreenshotAsync("two-factor-enrol");
        await page.SetViewportSizeAsync(390, 844);
        var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.ScreenshotAsync("two-factor-enrol-390");
        Assert.False(sideways);
    }
}
