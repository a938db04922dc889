using Training.Abstractions.Security;
using Training.E2E.Infrastructure;
using Training.TestIdp;

namespace Training.E2E.Organisation;

/// <summary>Single sign-on with a real OpenID Connect provider on loopback: the browser goes through the provider's
/// own login page, lands signed in on the site, and signing out ends both sessions.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SingleSignOnJourneyTests(BrowserFixture browser)
{
    private const string Provider = "Cổng dịch vụ công tỉnh";

    [Fact]
    public async Task StaffMemberSignsInThroughTheProvidersLoginPageAndSignsOutOfBoth()
    {
        await using var idp = await TestIdentityProvider.StartAsync([new TestIdpUser("mai.ht", "Cong@2026", "sub-mai", StaffCode: "NB0301")]);
        using var site = new LiveSite(seedDemo: false, settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = idp.Authority,
            ["Authentication:Oidc:ClientId"] = "training-site",
            ["Authentication:Oidc:ClientSecret"] = "e2e-client-secret-1234",
            ["Authentication:Oidc:DisplayName"] = Provider,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });
        await idp.AddClientAsync("training-site", "e2e-client-secret-1234", site.BaseUrl);
        await site.CreateUserAsync("nb0301", BuiltInRoles.Learner, fullName: "Hoàng Thị Mai");
        var page = await browser.NewPageAsync(site);

        await page.GotoAsync("/account/login");
        await page.ScreenshotAsync("sso-login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng " + Provider }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => url.StartsWith(idp.Authority + "login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Not at the provider's login page: {page.Url} {await page.ContentAsync()}");
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cổng xác thực thử nghiệm");
        await page.GetByLabel("Tài khoản").FillAsync("mai.ht");
        await page.GetByLabel("Mật khẩu").FillAsync("Cong@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập vào cổng" }).ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(site.BaseUrl, StringComparison.Ordinal) && !url.Contains("/account/", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Hoàng Thị Mai");
        await page.ScreenshotAsync("sso-signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).First.ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/");
        Assert.Equal(1, idp.EndedSessions);
        var learning = await page.GotoAsync("/learning");
        Assert.Contains("/account/login", page.Url);
        // The provider's session is over too: single sign-on asks for the password again.
        await page.GotoAsync("/account/login/oidc");
        await page.WaitForURLAsync(url => url.StartsWith(idp.Authority + "login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        Assert.NotNull(learning);
    }
}
