using System.Net;
using System.Text.RegularExpressions;
using OtpNet;
using Training.Abstractions.Security;

namespace Training.Organisation.Tests.Identity;

public sealed partial class TwoFactorTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task UserEnrolsThenSignsInWithATotpCodeAndARecoveryCodeWorksOnce(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        await app.CreateUserAsync("nb0201", BuiltInRoles.Learner);
        var browser = app.CreateBrowser();
        await browser.SignInAsync("nb0201");

        var (key, codes) = await EnrolAsync(browser);

        Assert.Equal(10, codes.Count);
        var next = app.CreateBrowser();
        var password = await next.LoginAsync("nb0201");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/2fa", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/learning")).StatusCode); // half signed in is not signed in
        var second = await SecondStepAsync(next, password, "Code", Totp(key));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/home", second.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/learning")).StatusCode);

        var withRecovery = app.CreateBrowser();
        var recovered = await SecondStepAsync(withRecovery, await withRecovery.LoginAsync("nb0201"), "RecoveryCode", codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        var again = app.CreateBrowser();
        var reused = await SecondStepAsync(again, await again.LoginAsync("nb0201"), "RecoveryCode", codes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Mã xác thực không đúng", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AWrongCodeDoesNotEnrolAndAWrongSecondStepDoesNotSignIn()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("nb0202", BuiltInRoles.Learner);
        var browser = app.CreateBrowser();
        await browser.SignInAsync("nb0202");

        var wrong = await browser.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = "000000" }, "/account/two-factor?handler=Enable");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mã xác thực không đúng", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var (key, _) = await EnrolAsync(browser);
        var next = app.CreateBrowser();
        var answer = await SecondStepAsync(next, await next.LoginAsync("nb0202"), "Code", Totp(key) == "123456" ? "654321" : "123456");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/learning")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task PrivilegedUserIsHeldOnEnrolmentUntilEnrolledWhenTwoFactorIsRequired(TestDatabase database)
    {
        using var app = new TrainingApp(database: database, settings: new Dictionary<string, string?> { ["Security:RequireTwoFactorForPrivileged"] = "true" });
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        await app.CreateUserAsync("nb0203", BuiltInRoles.Learner);
        var admin = app.CreateBrowser();

        var password = await admin.LoginAsync("quantri");
        var held = await admin.GetAsync("/admin/users");

        Assert.Equal("/account/two-factor", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal("/account/two-factor", held.Headers.Location!.OriginalString);
        var page = await admin.GetAsync("/account/two-factor");
        Assert.Contains("phải bật xác thực hai bước", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        await EnrolAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        // A learner is not privileged: no enrolment asked.
        var learner = await app.CreateBrowser().LoginAsync("nb0203");
        Assert.Equal("/home", learner.Headers.Location!.OriginalString);
    }

    private static async Task<(string Key, List<string> Codes)> EnrolAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data:image/png;base64,", html);
        var key = KeyPattern().Match(html).Groups[1].Value;
        var enabled = await browser.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp(key) }, "/account/two-factor?handler=Enable");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = CodePattern().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(HttpClient browser, HttpResponseMessage password, string field, string code)
    {
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var url = password.Headers.Location!.OriginalString;
        return await browser.PostFormAsync(url, new Dictionary<string, string> { [field] = code });
    }

    private static string Totp(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    [GeneratedRegex("id=\"shared-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex CodePattern();
}
