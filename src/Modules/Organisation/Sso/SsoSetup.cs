using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Training.Organisation.Sso;

internal static class SsoSetup
{
    /// <summary>Registers the OpenID Connect handler by hand instead of <c>AddOpenIdConnect</c>: the scheme must exist
    /// only when an authority is configured (the handler listens on its callback path for every request, and would
    /// fail on an empty authority), and the configuration is read when the options are built, so the tests' settings
    /// apply.</summary>
    public static void AddTrainingSso(this IServiceCollection services)
    {
        services.AddOptions<OidcSettings>().BindConfiguration(OidcSettings.Section);
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<OidcSettings>>((o, settings) =>
        {
            if (settings.Value.Enabled && !o.SchemeMap.ContainsKey(OidcSettings.Scheme))
                o.AddScheme<OpenIdConnectHandler>(OidcSettings.Scheme, settings.Value.DisplayName);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddTransient<OpenIdConnectHandler>();
        services.AddOptions<OpenIdConnectOptions>(OidcSettings.Scheme)
            .Configure<IOptions<OidcSettings>>((o, settings) => Configure(o, settings.Value))
            .Validate(o => { o.Validate(); return true; });
        services.AddSingleton<OidcEvents>();
        services.AddScoped<SsoLinker>();
        services.AddScoped<SecuritySettingsStore>();
    }

    private static void Configure(OpenIdConnectOptions o, OidcSettings s)
    {
        o.Authority = s.Authority;
        o.ClientId = s.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(s.ClientSecret) ? null : s.ClientSecret;
        o.RequireHttpsMetadata = s.HttpsRequired();
        // Authorization code with PKCE; the code comes back in the query (a top-level GET), so the correlation and
        // nonce cookies can stay SameSite=Lax and work on plain HTTP on loopback too.
        o.ResponseType = "code";
        o.ResponseMode = "query";
        o.UsePkce = true;
        o.CallbackPath = OidcSettings.CallbackPath;
        o.SignedOutCallbackPath = OidcSettings.SignedOutCallbackPath;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.SignOutScheme = IdentityConstants.ApplicationScheme;
        o.SaveTokens = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("email");
        o.BackchannelTimeout = TimeSpan.FromSeconds(30);
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.TokenValidationParameters.NameClaimType = "name";
        o.EventsType = typeof(OidcEvents);
    }
}
