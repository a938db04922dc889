using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;

namespace Training.Site.Tests.Hosting;

public sealed class HostFeatureTests
{
    [Fact]
    public async Task HealthAnswersHealthyWhenTheDatabaseIsReachable()
    {
        using var app = new TrainingApp();
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPageGetsTheVietnamese404PageOnceSignedIn()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("hv", BuiltInRoles.Learner);
        var client = app.CreateBrowser();

        // Anonymous users learn nothing about which addresses exist: everything not public asks them to sign in.
        var anonymous = await client.GetAsync("/khong-co-trang-nay");
        await client.SignInAsync("hv");
        var response = await client.GetAsync("/khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnhandledErrorGetsTheVietnamese500Page()
    {
        using var app = new TrainingApp().WithServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        await app.CreateUserAsync("hv", BuiltInRoles.Learner);
        var client = app.CreateBrowser();
        await client.SignInAsync("hv");

        var response = await client.GetAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đã có lỗi xảy ra", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }

    [Fact]
    public async Task LearnerOnAdminAreaGetsTheAccessDeniedPage()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("hv", BuiltInRoles.Learner);
        var client = app.CreateBrowser();
        await client.SignInAsync("hv");

        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Không có quyền truy cập", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UiSwitchesToEnglishAndBack()
    {
        using var app = new TrainingApp();
        var client = app.CreateBrowser();

        var vi = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", vi);
        Assert.Contains("Mật khẩu", vi);

        // The layout's selector is a GET form (no antiforgery token on anonymous pages).
        Assert.Contains("<form method=\"get\" action=\"/culture\"", vi);
        var switched = await client.GetAsync("/culture?culture=en&returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location?.OriginalString);
        var en = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("Password", en);
        Assert.Contains("Sign in", en);

        // Back through the POST form (kept for clients that used it); an off-site return URL goes home instead.
        var back = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["culture"] = "vi-VN", ["returnUrl"] = "//evil.example" }, action: "/culture");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/", back.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"vi\">", await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThemeOverridesAModulePartial()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("qt", BuiltInRoles.Administrator);
        var client = app.CreateBrowser();
        await client.SignInAsync("qt");

        var html = await (await client.GetAsync("/admin")).Content.ReadAsStringAsync();

        Assert.Contains("hub-grid themed", html);
        Assert.Contains("href=\"/admin/users\"", html);
    }

    internal sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/boom", b => b.Run(_ => throw new InvalidOperationException("boom")));
        };
    }
}
