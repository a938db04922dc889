using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.StaticAssets;
using Training.Site.Security;

namespace Training.Site.Hosting;

internal static class SitePipeline
{
    public static WebApplication UseTrainingHost(this WebApplication app)
    {
        // First: everything after it (limits, HSTS, cookies, links) sees the client's address and scheme, as told by
        // a configured proxy only.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseCookiePolicy();
        app.UseExceptionHandler("/error/500");
        // HTML error pages for the site; APIs keep their own status codes and bodies.
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        // Static files are public and need no session: skip reading the sign-in cookie (a database lookup) for them.
        app.UseWhen(ctx => ctx.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null, branch => branch.UseAuthentication());
        app.UseAuthorization();
        // After authentication (only anonymous responses are cached) and the rate limiter (cached hits still count).
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health").AllowAnonymous();
        // The document describes the public API and the HR API (which needs a key); reading it needs nothing.
        app.MapOpenApi().AllowAnonymous();
        // The language selector is a GET form: choosing a language is harmless to forge, and a page without a
        // POST form needs no antiforgery token, so anonymous pages (the public verification page above all) stay
        // cheap and cacheable. The POST form is kept for clients that used it, without a token for the same reason
        // (with one, a missing token would make reading the form throw instead of answering).
        app.MapGet("/culture", (HttpContext ctx, string? culture, string? returnUrl) => SwitchCulture(ctx, culture, returnUrl))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/culture", (HttpContext ctx, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            SwitchCulture(ctx, culture, returnUrl)).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static IResult SwitchCulture(HttpContext ctx, string? culture, string? returnUrl)
    {
        if (culture is null || !SiteServices.Cultures.Contains(culture)) culture = SiteServices.Cultures[0];
        ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Results.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/");
    }
}
