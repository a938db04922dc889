using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Security;

namespace Training.Site.Tests.Identity;

/// <summary>Wrong passwords slow down the client that typed them and never lock an account: not the owner's, not the
/// administrator's; and the answers never tell whether an account exists.</summary>
public sealed partial class LoginThrottleTests
{
    private const string Wrong = "Sai@Matkhau1";
    private const string Slowed = "Đăng nhập sai nhiều lần. Vui lòng thử lại sau";

    [Fact]
    public async Task FiveWrongPasswordsMakeThatClientWaitEvenWithTheRightOneWhileOthersSignIn()
    {
        using var app = new TrainingApp().WithClientAddresses();
        await app.CreateUserAsync("lan", BuiltInRoles.Learner);
        var guesser = app.CreateBrowserFrom("203.0.113.7");

        for (var i = 0; i < 5; i++) await guesser.LoginAsync("lan", Wrong);
        var right = await guesser.LoginAsync("lan");
        var owner = await app.CreateBrowserFrom("198.51.100.20").LoginAsync("lan");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Slowed + " 1 phút.", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task AnAccountThatDoesNotExistGetsExactlyTheSameAnswers()
    {
        using var app = new TrainingApp().WithClientAddresses();
        await app.CreateUserAsync("lan", BuiltInRoles.Learner);

        var existing = await AnswersAsync(app.CreateBrowserFrom("203.0.113.1"), "lan");
        var missing = await AnswersAsync(app.CreateBrowserFrom("203.0.113.2"), "khongtontai");

        Assert.Equal(["Tên đăng nhập hoặc mật khẩu không đúng."], existing.Take(5).Distinct());
        Assert.StartsWith(Slowed, existing[5]);
        Assert.Equal(existing, missing);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task GuessingFromManyAddressesDoesNotLockTheAdministratorOutOfTheirOwnBrowser(TestDatabase database)
    {
        using var app = new TrainingApp(database: database).WithClientAddresses();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var own = app.CreateBrowserFrom("198.51.100.5");
        await own.SignInAsync("quantri");
        await own.PostFormAsync("/account/logout", new Dictionary<string, string>());

        // A distributed attack: 26 addresses, 2 guesses each (under every per-client limit).
        for (var i = 0; i < 26; i++)
        {
            var bot = app.CreateBrowserFrom($"192.0.2.{i + 1}");
            for (var j = 0; j < 2; j++) await bot.LoginAsync("quantri", Wrong + j);
        }
        var botWithTheRightPassword = await app.CreateBrowserFrom("192.0.2.200").LoginAsync("quantri");
        var ownBrowser = await own.LoginAsync("quantri");

        Assert.Equal(HttpStatusCode.OK, botWithTheRightPassword.StatusCode);
        Assert.Contains(Slowed, await botWithTheRightPassword.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, ownBrowser.StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheWaitEndsOnTimeAndDoublesWithEachFurtherFailure(TestDatabase database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp(database: database).WithClientAddresses().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await app.CreateUserAsync("lan", BuiltInRoles.Learner);
        var client = app.CreateBrowserFrom("203.0.113.9");

        for (var i = 0; i < 5; i++) await client.LoginAsync("lan", Wrong);
        clock.Advance(TimeSpan.FromSeconds(61));
        var sixth = await client.LoginAsync("lan", Wrong);
        var blocked = await client.LoginAsync("lan");
        clock.Advance(TimeSpan.FromSeconds(121));
        var signedIn = await client.LoginAsync("lan");

        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await sixth.Content.ReadAsStringAsync());
        Assert.Contains(Slowed + " 2 phút.", await blocked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>The error shown for six wrong passwords in a row.</summary>
    private static async Task<List<string>> AnswersAsync(HttpClient client, string user)
    {
        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.LoginAsync(user, Wrong);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(ErrorSummary().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value.Trim());
        }
        return answers;
    }

    [GeneratedRegex(@"class=""alert alert-error[^""]*""[^>]*>\s*<ul>\s*<li>([^<]*)</li>")]
    private static partial Regex ErrorSummary();
}
