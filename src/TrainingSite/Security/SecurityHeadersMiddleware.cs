namespace Training.Site.Security;

/// <summary>Security headers on every response. Scripts and styles come only from the site itself
/// (no inline scripts or styles), and no other site may frame our pages.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An endpoint with its own policy (SCORM content, framed by our pages in a sandbox) sets both first.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = Policy;
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
