using System.Net;
using Training.Abstractions.Security;

namespace Training.Site.Tests.Identity;

public sealed class AccountTests
{
    [Fact]
    public async Task FiveFailedLoginsLockTheAccountEvenForTheRightPassword()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("lan", BuiltInRoles.Learner);
        var client = app.CreateBrowser();

        for (var i = 0; i < 5; i++) await client.LoginAsync("lan", "Sai@Matkhau1");
        var response = await client.LoginAsync("lan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tài khoản tạm khóa", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChangePasswordRequiresTheCurrentOneAndThenTheNewOneWorks()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("minh", BuiltInRoles.Learner);
        var client = app.CreateBrowser();
        await client.SignInAsync("minh");

        var wrong = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Current"] = "Khong@Dung123", ["New"] = "MatKhau@Moi2027", ["Confirm"] = "MatKhau@Moi2027",
        });
        Assert.Contains("Mật khẩu hiện tại không đúng.", await wrong.Content.ReadAsStringAsync());

        var weak = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Current"] = Browser.DemoPassword, ["New"] = "ngan", ["Confirm"] = "ngan",
        });
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", await weak.Content.ReadAsStringAsync());

        var ok = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Current"] = Browser.DemoPassword, ["New"] = "MatKhau@Moi2027", ["Confirm"] = "MatKhau@Moi2027",
        });
        Assert.Contains("Đã đổi mật khẩu.", await ok.Content.ReadAsStringAsync());

        var fresh = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await fresh.LoginAsync("minh")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.LoginAsync("minh", "MatKhau@Moi2027")).StatusCode);
    }

    [Fact]
    public async Task LogoutEndsTheSession()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("hoa", BuiltInRoles.Learner);
        var client = app.CreateBrowser();
        await client.SignInAsync("hoa");

        var logout = await client.PostFormAsync("/account/logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task LoginIsRateLimitedPerClient()
    {
        using var app = new TrainingApp();
        var client = app.CreateBrowser();
        var token = await client.GetTokenAsync("/account/login");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "nobody", ["Password"] = "x", ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryTokenIsRejected()
    {
        using var app = new TrainingApp();
        var client = app.CreateBrowser();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = Browser.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("admin", "/admin")]
    [InlineData("hr", "/hr")]
    [InlineData("trainer", "/authoring")]
    [InlineData("learner", "/learning")]
    public async Task DemoUsersLandOnTheirRoleHome(string user, string home)
    {
        using var app = new TrainingApp(seedDemo: true);
        var client = app.CreateBrowser();
        await client.SignInAsync(user);

        var response = await client.GetAsync("/home");

        Assert.Equal(home, response.Headers.Location?.OriginalString);
    }
}
