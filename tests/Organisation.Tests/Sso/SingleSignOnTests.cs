using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Organisation.Sso;
using Training.TestIdp;

namespace Training.Organisation.Tests.Sso;

public sealed class SingleSignOnTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task FirstSignInLinksThePersonByStaffCodeAndTellsTheRosterListeners(TestDatabase database)
    {
        await using var sso = await SsoSite.StartAsync(database, new TestIdpUser("mai", "idp-pass", "sub-mai", StaffCode: "NB0101"));
        var person = await sso.App.CreateUserAsync("nb0101", BuiltInRoles.Learner, fullName: "Hoàng Thị Mai");
        var (browser, _) = sso.NewBrowser();

        var answer = await sso.SignInAsync(browser, "mai", "idp-pass");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/home", answer.Headers.Location!.OriginalString);
        var home = await browser.GetAsync("/learning");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Hoàng Thị Mai", await home.Content.ReadAsStringAsync());
        var login = await LoginOfAsync(sso.App, person.Id);
        Assert.Equal(("oidc", "sub-mai"), login);
        Assert.Contains(sso.RosterCalls, c => c.Source == "sso" && c.Ids.SequenceEqual([person.Id]));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task FirstSignInLinksByVerifiedEmailAndTheNextSignInUsesTheLink(TestDatabase database)
    {
        await using var sso = await SsoSite.StartAsync(database,
            new TestIdpUser("lan", "idp-pass", "sub-lan", Email: "nb0102@test.local", EmailVerified: true));
        var person = await sso.App.CreateUserAsync("nb0102", BuiltInRoles.Learner);

        var first = await sso.SignInAsync(sso.NewBrowser().Client, "lan", "idp-pass");
        var second = await sso.SignInAsync(sso.NewBrowser().Client, "lan", "idp-pass");

        Assert.Equal("/home", first.Headers.Location!.OriginalString);
        Assert.Equal("/home", second.Headers.Location!.OriginalString);
        Assert.Equal(("oidc", "sub-lan"), await LoginOfAsync(sso.App, person.Id));
        Assert.Single(sso.RosterCalls); // only the first sign-in linked someone
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task UnknownPersonAndUnverifiedEmailAreRefusedWithoutCreatingAnAccount(TestDatabase database)
    {
        await using var sso = await SsoSite.StartAsync(database,
            new TestIdpUser("stranger", "idp-pass", "sub-x", StaffCode: "XX9999"),
            new TestIdpUser("unverified", "idp-pass", "sub-u", Email: "nb0103@test.local", EmailVerified: false));
        await sso.App.CreateUserAsync("nb0103", BuiltInRoles.Learner);
        var before = await sso.App.CountUsersAsync();

        foreach (var who in new[] { "stranger", "unverified" })
        {
            var (browser, _) = sso.NewBrowser();
            var answer = await sso.SignInAsync(browser, who, "idp-pass");

            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("/account/sso/error?reason=" + SsoErrors.NotOnRoster, answer.Headers.Location!.OriginalString);
            var page = await browser.GetAsync(answer.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("chưa có trong danh sách cán bộ", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/learning")).StatusCode); // not signed in
        }
        Assert.Equal(before, await sso.App.CountUsersAsync());
        Assert.Empty(sso.RosterCalls);
    }

    [Fact]
    public async Task CallbackWithAForgedStateIsRefused()
    {
        await using var sso = await SsoSite.StartAsync(TestDatabase.Sqlite);
        var (browser, _) = sso.NewBrowser();

        var answer = await browser.GetAsync("/signin-oidc?code=stolen-code&state=forged-state");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/account/sso/error?reason=" + SsoErrors.Refused, answer.Headers.Location!.OriginalString);
        var page = await browser.GetAsync(answer.Headers.Location);
        Assert.Contains("không hợp lệ", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task CallbackWhoseNonceCookieIsMissingIsRefused()
    {
        await using var sso = await SsoSite.StartAsync(TestDatabase.Sqlite, new TestIdpUser("mai", "idp-pass", "sub-mai", StaffCode: "NB0101"));
        await sso.App.CreateUserAsync("nb0101", BuiltInRoles.Learner);
        var (browser, cookies) = sso.NewBrowser();

        // The code is genuine and the state valid, but the id_token's nonce no longer matches anything this browser holds.
        var answer = await sso.SignInAsync(browser, "mai", "idp-pass", beforeCallback: () =>
        {
            foreach (Cookie c in cookies.GetCookies(new Uri("http://localhost/signin-oidc")))
                if (c.Name.StartsWith(".AspNetCore.OpenIdConnect.Nonce", StringComparison.Ordinal)) c.Expired = true;
        });

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/account/sso/error?reason=" + SsoErrors.Refused, answer.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/learning")).StatusCode);
    }

    [Fact]
    public async Task ProviderDownGivesAVietnamesePageAndAdministratorsStillSignInWithTheirPassword()
    {
        var closedPort = FreePort();
        using var app = new TrainingApp(settings: SsoSite.Settings($"http://127.0.0.1:{closedPort}/"));
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var browser = app.CreateBrowser();

        var login = await browser.GetAsync("/account/login");
        var start = await browser.GetAsync("/account/login/oidc");

        Assert.Contains("Đăng nhập bằng " + SsoSite.DisplayName, WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, start.StatusCode);
        Assert.Contains("Không kết nối được với hệ thống đăng nhập một lần", WebUtility.HtmlDecode(await start.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync("quantri")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task SigningOutEndsTheProvidersSessionWithTheIdTokenAsHint(TestDatabase database)
    {
        await using var sso = await SsoSite.StartAsync(database, new TestIdpUser("mai", "idp-pass", "sub-mai", StaffCode: "NB0101"));
        await sso.App.CreateUserAsync("nb0101", BuiltInRoles.Learner);
        var (browser, _) = sso.NewBrowser();
        await sso.SignInAsync(browser, "mai", "idp-pass");

        var logout = await browser.PostFormAsync("/learning", new Dictionary<string, string>(), action: "/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var endSession = logout.Headers.Location!;
        Assert.StartsWith(sso.Idp.Authority + "connect/endsession", endSession.AbsoluteUri);
        Assert.Contains("id_token_hint=", endSession.Query);
        using var idp = new IdpBrowser();
        var back = await idp.FollowAsync(endSession);
        Assert.Equal(1, sso.Idp.EndedSessions);
        Assert.Equal("/signout-callback-oidc", back.AbsolutePath);
        var home = await browser.GetAsync(back.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/learning")).StatusCode); // signed out here too
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task WithLocalPasswordsOffStaffMustUseSsoWhileAdministratorsKeepTheirPassword(TestDatabase database)
    {
        await using var sso = await SsoSite.StartAsync(database);
        await sso.App.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        await sso.App.CreateUserAsync("nb0104", BuiltInRoles.Learner);
        var admin = sso.App.CreateBrowser();
        await admin.SignInAsync("quantri");

        var saved = await admin.PostFormAsync("/admin/security", new Dictionary<string, string> { ["localPasswordsOff"] = "true" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã tắt đăng nhập bằng mật khẩu", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        var staff = await sso.App.CreateBrowser().LoginAsync("nb0104");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("Đăng nhập bằng mật khẩu đã được tắt", WebUtility.HtmlDecode(await staff.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await sso.App.CreateBrowser().LoginAsync("quantri")).StatusCode);
    }

    [Fact]
    public async Task LocalPasswordsCannotBeTurnedOffWithoutSingleSignOn()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var saved = await admin.PostFormAsync("/admin/security", new Dictionary<string, string> { ["localPasswordsOff"] = "true" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Chưa cấu hình đăng nhập một lần", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<SecuritySettingsStore>().LocalPasswordsOffAsync()));
    }

    private static Task<(string, string)> LoginOfAsync(TrainingApp app, string userId) => app.WithScopeAsync(async sp =>
    {
        var login = await sp.GetRequiredService<OrganisationDbContext>().UserLogins.SingleAsync(l => l.UserId == userId);
        return (login.LoginProvider, login.ProviderKey);
    });

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
