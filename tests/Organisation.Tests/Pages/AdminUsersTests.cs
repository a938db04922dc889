using System.Net;
using System.Text.RegularExpressions;
using Training.Abstractions.Security;

namespace Training.Organisation.Tests.Pages;

public sealed partial class AdminUsersTests
{
    [Fact]
    public async Task AdministratorResetsAPasswordAndTheUserCanSignInWithIt()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var staff = await app.CreateUserAsync("nb0099", BuiltInRoles.Learner);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var response = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = staff.Id }, action: "/admin/users?handler=Reset");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = WebUtility.HtmlDecode(TemporaryPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.True(password.Length >= 10);
        var user = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await user.LoginAsync("nb0099", password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().LoginAsync("nb0099")).StatusCode);
    }

    [Fact]
    public async Task AdministratorMakesAUserHrScopedToAUnit()
    {
        using var app = new TrainingApp();
        var unit = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var staff = await app.CreateUserAsync("tccb2", BuiltInRoles.Learner, unit);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        await admin.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["userId"] = staff.Id, ["role"] = BuiltInRoles.HR, ["scopeUnitId"] = unit.Id.ToString(),
        }, action: "/admin/users?handler=Role");

        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb2");
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/hr/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.GetAsync("/admin/users")).StatusCode);
    }

    [GeneratedRegex("Mật khẩu tạm thời của nb0099: (\\S+) ")]
    private static partial Regex TemporaryPattern();
}
