namespace Training.Site.Security;

/// <summary>Security headers on every response. Scripts and styles come only from the site itself
/// (no inline scripts or styles), and no other site may frame our pages.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IConfiguration config)
{
    // Signing out of single sign-on posts a form whose answer redirects to the provider's end_session endpoint, and
    // browsers apply form-action to that redirect: the provider's origin is allowed as a form target.
    private readonly string _policy = WithSsoProvider(config);

    private static string WithSsoProvider(IConfiguration config)
    {
        var sso = config.GetSection(Training.Organisation.Sso.OidcSettings.Section).Get<Training.Organisation.Sso.OidcSettings>();
        return sso?.Origin() is { } origin ? Policy.Replace("form-action 'self'", "form-action 'self' " + origin, StringComparison.Ordinal) : Policy;
    }

    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An endpoint with its own policy (SCORM content, framed by our pages in a sandbox) sets both first.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            if (string.IsNullOrEmpty(headers.XFrameOptions)) headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
