using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Training.Abstractions.Hosting;
using Training.Organisation.Data;
using Training.Platform;
using Training.Platform.Data;
using Training.Site.Security;
using Training.Theme;

namespace Training.Site.Hosting;

internal static class SiteServices
{
    public static readonly string[] Cultures = ["vi-VN", "en"];

    /// <summary>Everything the host itself provides; modules add their own services.</summary>
    public static WebApplicationBuilder AddTrainingHost(this WebApplicationBuilder builder, string[] args)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        // Serve the theme's and modules' static files from their projects when running from a build (any
        // environment, tests included); a published site has them in wwwroot and no manifest, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        // Serve exactly the files of the build's manifest, as a published site does: without this, a build adds a
        // catch-all "{**path:file}" endpoint (for files added while running) that no authorization convention reaches.
        builder.Configuration.AddInMemoryCollection([new("DisableStaticAssetNotFoundRuntimeFallback", "true")]);
        if (VerbRunner.IsVerb(args)) builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section);
        var training = config.GetSection(TrainingOptions.Section).Get<TrainingOptions>() ?? new TrainingOptions();
        var paths = new TrainingPaths(Path.Combine(builder.Environment.ContentRootPath, training.DataPath));
        services.AddSingleton(paths);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).Configure(o =>
            o.ConnectionString = o.Provider == DatabaseProvider.Postgres
                ? config.GetConnectionString("Postgres") ?? ""
                : $"Data Source={Path.Combine(paths.Root, "training.db")};Default Timeout=30;Pooling=True");
        services.AddSingleton(TimeProvider.System);
        // Emit Vietnamese text as is instead of numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddTrainingPlatform();
        services.AddTrainingKeyRing(config, paths.Folder("keys"));
        services.AddTrainingForwardedHeaders(config);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Every cookie (sign-in, antiforgery, language, device) is Secure in Production, which runs behind HTTPS.
        services.Configure<CookiePolicyOptions>(o =>
            o.Secure = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            // Vietnamese unless the user chose otherwise: no Accept-Language negotiation.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                o.Conventions.ConfigureFilter(new PageHandlerAuthorizationFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddTrainingTheme();
        // Authorization by default: an endpoint without its own policy needs a signed-in user; public pages and
        // endpoints say [AllowAnonymous] / .AllowAnonymous() on purpose.
        services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.", ct);
            };
        });
        services.AddOutputCache();
        services.AddHealthChecks().AddDbContextCheck<OrganisationDbContext>("database");
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddScoped<StartupRunner>();
        // First of all hosted services (they start one after the other, in registration order): data protection loads its
        // key ring and the singleton jobs query their tables when they start, so on a fresh PostgreSQL database anything
        // started before the migrations logs "relation does not exist" failures.
        if (!VerbRunner.IsVerb(args)) services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupHostedService>());
        services.AddSingleton<Training.Abstractions.Cli.ICliVerb, Cli.MigrateVerb>();
        return builder;
    }
}
