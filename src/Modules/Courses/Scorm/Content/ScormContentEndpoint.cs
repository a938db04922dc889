using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Storage;
using Training.Courses.Data;
using Training.Courses.Scorm.Data;
using Training.Courses.Scorm.Runtime;

namespace Training.Courses.Scorm.Content;

/// <summary>Serves package files at <c>/scorm-content/{packageId}/{token}/{path}</c>, for the sandboxed frame only:
/// its own CSP (the <c>sandbox</c> directive too, so the page is sandboxed even when opened directly), framable by
/// our pages alone, no referrer (the token is in the URL). Anonymous by design: the sandboxed frame has an opaque
/// origin and sends no cookie; the token is the capability.</summary>
internal static class ScormContentEndpoint
{
    public const string Prefix = "/scorm-content";
    public const string ShimName = "__training-scorm-api.js";

    public const string Policy = "sandbox allow-scripts allow-forms; default-src 'self'; " +
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'none'; frame-ancestors 'self'";

    /// <summary>Largest HTML page the runtime is injected into; larger ones are served as they are.</summary>
    private const int MaxInjectedHtml = 8 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Prefix + "/{packageId:guid}/{token}/{**path}", ServeAsync).AllowAnonymous().ExcludeFromDescription();

    public static string Url(Guid packageId, string token, string path) => $"{Prefix}/{packageId:N}/{token}/{path}";

    private static async Task<IResult> ServeAsync(Guid packageId, string token, string? path, HttpContext http, ScormTokens tokens,
        CoursesDbContext db, IBlobStore blobs, IMemoryCache cache, CancellationToken ct)
    {
        if (tokens.Read(packageId, token) is not { } attemptId || string.IsNullOrEmpty(path)) return Results.NotFound();
        SetHeaders(http.Response);
        if (path == ShimName) return await ShimAsync(packageId, attemptId, db, http, ct);
        var files = await cache.GetOrCreateAsync($"scorm-files:{packageId:N}", async entry =>
        {
            // Packages never change after import, so every node may keep its own copy of the index.
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            entry.Size = 1;
            return await db.Set<ScormFile>().AsNoTracking().Where(f => f.PackageId == packageId)
                .ToDictionaryAsync(f => f.Path, f => f.BlobKey, StringComparer.Ordinal, ct);
        });
        if (files is null || !files.TryGetValue(path, out var key)) return Results.NotFound();
        var blob = await blobs.OpenReadAsync(key, ct);
        if (blob is null) return Results.NotFound();
        var type = blob.Info.ContentType;
        if (type == "text/html" && blob.Info.Length <= MaxInjectedHtml)
        {
            await using (blob)
            {
                using var buffer = new MemoryStream((int)blob.Info.Length);
                await blob.Stream.CopyToAsync(buffer, ct);
                var html = HtmlInjection.Inject(buffer.ToArray(), Url(packageId, token, ShimName));
                return Results.Bytes(html, "text/html");
            }
        }
        return Results.Stream(blob.Stream, type, enableRangeProcessing: true, lastModified: blob.Info.StoredAt,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{blob.Info.Sha256[..32]}\""));
    }

    private static async Task<IResult> ShimAsync(Guid packageId, Guid attemptId, CoursesDbContext db, HttpContext http, CancellationToken ct)
    {
        var attempt = await db.Set<ScormAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.PackageId == packageId, ct);
        if (attempt is null) return Results.NotFound();
        var package = await db.Set<ScormPackage>().AsNoTracking().Include(p => p.Items).FirstAsync(p => p.Id == packageId, ct);
        var sco = package.Items.First(i => i.Identifier == attempt.ScoIdentifier);
        var person = await http.RequestServices.GetRequiredService<IOrgDirectory>().GetPersonAsync(attempt.UserId, ct);
        // 1.2 and 2004 both say "family name, given name"; the roster keeps the Vietnamese full name as written.
        var name = person?.FullName ?? "";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(ShimScript.Build(package.Version, attempt.Values, ScormRuntime.FixedValues(package.Version, attempt, sco, name)),
            "text/javascript", System.Text.Encoding.UTF8);
    }

    private static void SetHeaders(HttpResponse response)
    {
        // Set before the site-wide headers are written: SecurityHeadersMiddleware keeps a policy already present.
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XFrameOptions = "SAMEORIGIN";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "private, max-age=3600";
    }
}
