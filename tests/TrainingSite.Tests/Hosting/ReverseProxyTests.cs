using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Training.Site.Tests.Cli;

namespace Training.Site.Tests.Hosting;

/// <summary>Behind a reverse proxy: the client's address and scheme are taken from forwarded headers only when a
/// configured proxy sends them; Production adds HSTS and Secure cookies and will not start without its public address.</summary>
public sealed class ReverseProxyTests : IDisposable
{
    private const string Proxy = "10.9.9.9";
    private const string PublicBaseUrl = "https://daotao.example.vn";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "training-proxy-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Training:KnownProxies", Proxy)]
    [InlineData("Training:KnownNetworks", "10.9.0.0/16")]
    public async Task ClientsBehindAConfiguredProxyEachHaveTheirOwnLoginLimit(string key, string value)
    {
        using var app = new TrainingApp(settings: new Dictionary<string, string?> { [key] = value }).WithClientAddresses();

        var statuses = await LoginPostsAsync(app, from: Proxy, count: 12, forwardedFor: i => $"198.51.100.{i + 1}");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task ForwardedHeadersFromAnyoneElseAreIgnored()
    {
        using var app = new TrainingApp(settings: new Dictionary<string, string?> { ["Training:KnownProxies"] = Proxy }).WithClientAddresses();

        // A client that forges X-Forwarded-For to escape its limit is still one client.
        var statuses = await LoginPostsAsync(app, from: "203.0.113.50", count: 11, forwardedFor: i => $"198.51.100.{i + 1}");

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task WithoutConfiguredProxiesNotEvenLoopbackIsTrusted()
    {
        using var app = new TrainingApp().WithClientAddresses();

        var statuses = await LoginPostsAsync(app, from: "127.0.0.1", count: 11, forwardedFor: i => $"198.51.100.{i + 1}");

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task ProductionSendsHstsAndMarksEveryCookieSecure()
    {
        using var app = ProductionApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(PublicBaseUrl), AllowAutoRedirect = false });
        await app.CreateUserAsync("lan", Training.Abstractions.Security.BuiltInRoles.Learner);

        var page = await client.GetAsync("/account/login");
        var login = await client.LoginAsync("lan");
        var culture = await client.GetAsync("/culture?culture=en&returnUrl=/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookies = new[] { page, login, culture }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("training.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("training.device=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ProductionTakesTheSchemeFromAConfiguredProxyOnly()
    {
        using var app = ProductionApp().WithClientAddresses();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://daotao.example.vn"), AllowAutoRedirect = false });

        var viaProxy = await Get(client, Proxy, "https");
        var forged = await Get(client, "203.0.113.50", "https");

        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.False(forged.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task OutsideProductionCookiesFollowTheRequestAndThereIsNoHsts()
    {
        using var app = new TrainingApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://daotao.example.vn"), AllowAutoRedirect = false });
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var https = await client.GetAsync("/account/login");
        var http = await plain.GetAsync("/account/login");

        Assert.False(https.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("; secure", https.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", http.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "Training:PublicBaseUrl is required in Production")]
    [InlineData("http://daotao.example.vn", "must use https in Production")]
    [InlineData("daotao.example.vn", "is not an absolute http(s) address")]
    public async Task ProductionRefusesToStartWithoutAnHttpsPublicBaseUrl(string baseUrl, string message)
    {
        var (code, output, error) = await SiteProcess.RunAsync(_data, null, new Dictionary<string, string>
        {
            ["Training__PublicBaseUrl"] = baseUrl, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Contains("The site did not start.", error);
        Assert.DoesNotContain("running at", output);
    }

    [Fact]
    public async Task AnUnreadableProxyListStopsTheSiteWithTheEntryNamed()
    {
        var (code, _, error) = await SiteProcess.RunAsync(_data, null, new Dictionary<string, string>
        {
            ["Training__PublicBaseUrl"] = PublicBaseUrl, ["Training__KnownProxies"] = "10.0.0.1, proxy.local",
            ["Training__KnownNetworks"] = "10.0.0.0/33", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, code);
        Assert.Contains("Training:KnownProxies: «proxy.local» is not an IP address.", error);
        Assert.Contains("Training:KnownNetworks: «10.0.0.0/33» is not a network", error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private static TrainingApp ProductionApp() =>
        new ProductionTrainingApp(new Dictionary<string, string?> { ["Training:PublicBaseUrl"] = PublicBaseUrl, ["Training:KnownProxies"] = Proxy });

    private sealed class ProductionTrainingApp(IDictionary<string, string?> settings) : TrainingApp(settings: settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    private static async Task<List<HttpStatusCode>> LoginPostsAsync(TrainingApp app, string from, int count, Func<int, string> forwardedFor)
    {
        var client = app.CreateBrowserFrom(from);
        var token = await client.GetTokenAsync("/account/login");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["UserName"] = "nobody", ["Password"] = "x", ["__RequestVerificationToken"] = token,
                }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string from, string forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add(ClientAddresses.Header, from);
        request.Headers.Add("X-Forwarded-For", "198.51.100.77");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return client.SendAsync(request);
    }
}
