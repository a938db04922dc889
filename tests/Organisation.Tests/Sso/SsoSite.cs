using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Training.TestIdp;

namespace Training.Organisation.Tests.Sso;

/// <summary>The site in memory with single sign-on pointed at a real OpenID Connect provider on loopback, and a
/// browser whose cookies the tests can see.</summary>
internal sealed class SsoSite : IAsyncDisposable
{
    public const string ClientId = "training-site";
    public const string ClientSecret = "test-client-secret-1234";
    public const string DisplayName = "Cổng thử nghiệm";

    private SsoSite(TestIdentityProvider idp, TrainingApp app)
    {
        Idp = idp;
        App = app;
    }

    public TestIdentityProvider Idp { get; }
    public TrainingApp App { get; }
    public List<(IReadOnlyCollection<string> Ids, string Source)> RosterCalls { get; } = [];

    public static async Task<SsoSite> StartAsync(TestDatabase database, params TestIdpUser[] users)
    {
        var idp = await TestIdentityProvider.StartAsync(users);
        await idp.AddClientAsync(ClientId, ClientSecret, "http://localhost");
        var app = new TrainingApp(database: database, settings: Settings(idp.Authority));
        var site = new SsoSite(idp, app);
        app.WithServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Training.Abstractions.Organisation.IRosterChangeListener>(s, new Recorder(site)));
        return site;
    }

    public static Dictionary<string, string?> Settings(string authority) => new()
    {
        ["Authentication:Oidc:Authority"] = authority,
        ["Authentication:Oidc:ClientId"] = ClientId,
        ["Authentication:Oidc:ClientSecret"] = ClientSecret,
        ["Authentication:Oidc:DisplayName"] = DisplayName,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
    };

    /// <summary>A browser (cookie jar included) that does not follow redirects.</summary>
    public (HttpClient Client, CookieContainer Cookies) NewBrowser()
    {
        var cookies = new CookieContainer();
        return (App.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>Starts single sign-on at the site, signs in on the provider's login page, and brings the provider's
    /// answer back to the site; returns the site's last answer (302 to the home page when signed in).</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient site, string user, string password, Action? beforeCallback = null)
    {
        var start = await site.GetAsync("/account/login/oidc");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using var browser = new IdpBrowser();
        var callback = await browser.SignInAsync(start.Headers.Location!, user, password);
        Assert.Equal("/signin-oidc", callback.AbsolutePath);
        beforeCallback?.Invoke();
        var handled = await site.GetAsync(callback.PathAndQuery);
        if (handled.StatusCode != HttpStatusCode.Redirect || !handled.Headers.Location!.OriginalString.StartsWith("/account/sso/callback"))
            return handled;
        return await site.GetAsync(handled.Headers.Location);
    }

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Idp.DisposeAsync();
    }

    private sealed class Recorder(SsoSite site) : Training.Abstractions.Organisation.IRosterChangeListener
    {
        public Task PeopleChangedAsync(IReadOnlyCollection<string> userIds, string source, CancellationToken ct = default)
        {
            lock (site.RosterCalls) site.RosterCalls.Add((userIds, source));
            return Task.CompletedTask;
        }
    }
}
