using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Training.TestIdp;

/// <summary>A real OpenID Connect provider (OpenIddict: discovery, authorization code with PKCE, signed id_tokens,
/// end_session) on a free loopback port, with its own login page. The tests start one, register the site as a
/// client, and drive it like a browser would.</summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string CookieScheme = "idp";
    private readonly WebApplication _app;
    private readonly SqliteConnection _db;
    private readonly Dictionary<string, TestIdpUser> _users;

    private TestIdentityProvider(WebApplication app, SqliteConnection db, Dictionary<string, TestIdpUser> users)
    {
        _app = app;
        _db = db;
        _users = users;
    }

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:43123/</c>.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>How many end_session requests the provider has honoured (each ended its own session).</summary>
    public int EndedSessions { get; private set; }

    public static async Task<TestIdentityProvider> StartAsync(IEnumerable<TestIdpUser> users)
    {
        var known = users.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddDbContext<IdpDb>(o => o.UseSqlite(connection).UseOpenIddict());
        services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "testidp.session";
        });
        services.AddAuthorization();
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        var provider = new TestIdentityProvider(app, connection, known);
        app.MapGet("/login", (string? returnUrl) => Results.Content(LoginPage.Html(returnUrl, null), "text/html; charset=utf-8"));
        app.MapPost("/login", (Delegate)provider.LoginAsync).DisableAntiforgery();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)provider.AuthorizeAsync);
        app.MapMethods("/connect/endsession", ["GET", "POST"], (Delegate)provider.EndSessionAsync);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IdpDb>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = address.TrimEnd('/') + "/";
        // The first answers pay for JIT and key generation; on a busy machine that can outlast the site's timeout.
        using var warmUp = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        (await warmUp.GetAsync(provider.Authority + ".well-known/openid-configuration")).EnsureSuccessStatusCode();
        (await warmUp.GetAsync(provider.Authority + ".well-known/jwks")).EnsureSuccessStatusCode();
        return provider;
    }

    /// <summary>Registers a confidential client whose redirect URIs are under <paramref name="siteBaseUrl"/>.</summary>
    public async Task AddClientAsync(string clientId, string clientSecret, string siteBaseUrl)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var site = siteBaseUrl.TrimEnd('/');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = clientSecret, ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(site + "/signin-oidc") },
            PostLogoutRedirectUris = { new Uri(site + "/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await apps.CreateAsync(descriptor);
    }

    private async Task<IResult> LoginAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (!_users.TryGetValue(form["username"].ToString(), out var user) || user.Password != form["password"].ToString())
            return Results.Content(LoginPage.Html(returnUrl, "Sai tên đăng nhập hoặc mật khẩu."), "text/html; charset=utf-8", statusCode: 401);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName)], CookieScheme);
        await http.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
    }

    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(CookieScheme);
        if (!session.Succeeded || !_users.TryGetValue(session.Principal!.Identity!.Name!, out var user))
        {
            var here = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = here }, [CookieScheme]);
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Name, user.Name ?? user.UserName));
        if (user.Email is not null)
        {
            identity.AddClaim(new Claim(Claims.Email, user.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        if (user.StaffCode is not null) identity.AddClaim(new Claim("staff_code", user.StaffCode));
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        foreach (var claim in identity.Claims) claim.SetDestinations(Destinations.IdentityToken, Destinations.AccessToken);
        return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieScheme);
        EndedSessions++;
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }
}
