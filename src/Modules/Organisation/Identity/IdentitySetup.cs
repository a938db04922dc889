using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Organisation.Sessions;

namespace Training.Organisation.Identity;

internal static class IdentitySetup
{
    public static void AddTrainingIdentity(this IServiceCollection services)
    {
        services.AddIdentity<TrainingUser, TrainingRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireNonAlphanumeric = true;
                // Wrong passwords never lock an account (LoginThrottle slows the guessing client instead); lock-out
                // stays available to administrators, so it must be allowed for every user.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<OrganisationDbContext>()
            .AddUserManager<TrainingUserManager>()
            .AddSignInManager<TrainingSignInManager>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<TrainingClaimsFactory>()
            .AddDefaultTokenProviders();

        // Role, permission, lock-out and password changes reach open sessions within a minute: the stamp is checked
        // and the principal rebuilt from the database (roles and their permissions) once a minute per session.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The rebuilt principal keeps how the session was opened (single sign-on or password) and whether the user
            // must still enrol in two-factor sign-in: neither is in the database.
            o.OnRefreshingPrincipal = ctx =>
            {
                var kept = ctx.CurrentPrincipal?.Claims.Where(c => c.Type is System.Security.Claims.ClaimTypes.AuthenticationMethod
                    or TwoFactorGate.EnrolClaim).ToList() ?? [];
                if (kept.Count > 0 && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity) identity.AddClaims(kept);
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) => o.SessionStore = store);
        services.AddScoped<LoginThrottle>();
        services.AddSingleton<LoginDevices>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "training.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // APIs answer 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, 401);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, 403);
        });
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
