using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Site.Tests.Identity;

/// <summary>Sessions live on the server: signing out ends them at once, and changes to a user's roles, permissions,
/// lock-out or password reach their open sessions within a minute (the clock is faked, nobody sleeps).</summary>
public sealed class SessionTests
{
    private static readonly TimeSpan JustOverAMinute = TimeSpan.FromSeconds(61);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ACopiedCookieIsRefusedOnceItsSessionSignedOut(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        await app.CreateUserAsync("hoa", BuiltInRoles.Learner);
        var browser = app.CreateBrowser();
        var cookie = AuthCookie(await browser.LoginAsync("hoa"));
        var thief = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var before = await thief.SendAsync(WithCookie("/account/password", cookie));
        var logout = await browser.PostFormAsync("/account/logout", new Dictionary<string, string>());
        var after = await thief.SendAsync(WithCookie("/account/password", cookie));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
        Assert.Equal(0, await SessionsOfAsync(app, "hoa"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ATrainerDemotedToLearnerCanNoLongerCreateCoursesWithinAMinute(TestDatabase database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp(database: database).WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var trainer = await app.CreateUserAsync("gv", BuiltInRoles.Trainer);
        await app.CreateUserAsync("qt", BuiltInRoles.Administrator);
        var teacher = app.CreateBrowser();
        await teacher.SignInAsync("gv");
        var admin = app.CreateBrowser();
        await admin.SignInAsync("qt");

        var created = await teacher.PostFormAsync("/authoring", Course("KH-01"));
        var token = await teacher.GetTokenAsync("/authoring");
        var demoted = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = trainer.Id, ["role"] = BuiltInRoles.Learner },
            "/admin/users?handler=Role");
        clock.Advance(JustOverAMinute);
        var refused = await teacher.PostAsync("/authoring", new FormUrlEncodedContent(new Dictionary<string, string>(Course("KH-02")) { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/authoring/", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery);
        // Signed in again, the same person is a learner.
        await teacher.SignInAsync("gv");
        var asLearner = await teacher.GetAsync("/authoring");
        Assert.Equal(HttpStatusCode.Redirect, asLearner.StatusCode);
        Assert.StartsWith("/account/access-denied", asLearner.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task APermissionWithdrawnFromARoleLeavesItsOpenSessionsWithinAMinute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await app.CreateUserAsync("gv", BuiltInRoles.Trainer);
        var teacher = app.CreateBrowser();
        await teacher.SignInAsync("gv");
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync("/authoring")).StatusCode);

        // Nothing about the user changes, only what their role grants: the session is rebuilt from the database.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var role = await db.Roles.SingleAsync(r => r.Name == BuiltInRoles.Trainer);
            await db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimValue == Training.Courses.Permissions.Author).ExecuteDeleteAsync();
        });
        var withinTheMinute = await teacher.GetAsync("/authoring");
        clock.Advance(JustOverAMinute);
        var after = await teacher.GetAsync("/authoring");
        var stillSignedIn = await teacher.GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.OK, withinTheMinute.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/access-denied", after.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task ALockedOutUserIsSignedOutWithinAMinuteAndCannotSignInAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var user = await app.CreateUserAsync("lan", BuiltInRoles.Learner);
        var browser = app.CreateBrowser();
        await browser.SignInAsync("lan");

        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<TrainingUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.MaxValue);
        });
        clock.Advance(JustOverAMinute);
        var after = await browser.GetAsync("/account/password");
        var again = await app.CreateBrowser().LoginAsync("lan");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Tài khoản đang bị khóa", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADeactivatedUserIsSignedOutWithinAMinuteEvenWithoutANewSecurityStamp()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await app.CreateUserAsync("lan", BuiltInRoles.Learner);
        var browser = app.CreateBrowser();
        await browser.SignInAsync("lan");

        // Written straight to the table, as a bulk change would: the stamp stays the same.
        await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.Where(u => u.UserName == "lan")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        clock.Advance(JustOverAMinute);
        var after = await browser.GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AChangedPasswordEndsTheOtherSessionsWithinAMinuteAndKeepsThisOne()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await app.CreateUserAsync("minh", BuiltInRoles.Learner);
        var laptop = app.CreateBrowser();
        await laptop.SignInAsync("minh");
        var phone = app.CreateBrowser();
        await phone.SignInAsync("minh");

        var changed = await laptop.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Current"] = Browser.DemoPassword, ["New"] = "MatKhau@Moi2027", ["Confirm"] = "MatKhau@Moi2027",
        });
        clock.Advance(JustOverAMinute);
        var onPhone = await phone.GetAsync("/account/password");
        var onLaptop = await laptop.GetAsync("/account/password");

        Assert.Contains("Đã đổi mật khẩu.", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, onPhone.StatusCode);
        Assert.StartsWith("/account/login", onPhone.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, onLaptop.StatusCode);
    }

    [Fact]
    public async Task SigningInOverAnOpenSessionEndsItInsteadOfReusingItsKey()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("an", BuiltInRoles.Learner);
        await app.CreateUserAsync("binh", BuiltInRoles.Learner);
        var browser = app.CreateBrowser();
        var planted = AuthCookie(await browser.LoginAsync("an"));

        var over = await browser.LoginAsync("binh");
        var planter = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var withPlanted = await planter.SendAsync(WithCookie("/account/password", planted));
        var again = await browser.LoginAsync("binh");

        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Contains("Phiên đăng nhập trước đã được đóng", await over.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, withPlanted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await SessionsOfAsync(app, "binh"));
        Assert.Equal(0, await SessionsOfAsync(app, "an"));
    }

    private static Dictionary<string, string> Course(string code) =>
        new() { ["Code"] = code, ["Title"] = "Khóa học thử " + code, ["Category"] = "Khung pháp lý" };

    private static string AuthCookie(HttpResponseMessage login)
    {
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("training.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static HttpRequestMessage WithCookie(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static Task<int> SessionsOfAsync(TrainingApp app, string userName) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            return await db.Sessions.CountAsync(s => s.UserId == id);
        });
}
