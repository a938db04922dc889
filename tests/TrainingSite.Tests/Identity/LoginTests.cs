using System.Net;
using Training.Abstractions.Security;

namespace Training.Site.Tests.Identity;

public sealed class LoginTests
{
    [Fact]
    public async Task DemoHrUserLogsInAndLandsOnHrHome()
    {
        using var app = new TrainingApp(seedDemo: true);
        var client = app.CreateBrowser();

        var login = await client.LoginAsync("hr");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var home = await client.GetAsync(login.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/hr", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPasswordShowsVietnameseErrorAndDoesNotSignIn()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("an", BuiltInRoles.Learner);
        var client = app.CreateBrowser();

        var response = await client.LoginAsync("an", "Sai@Matkhau1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/password")).StatusCode);
    }
}
