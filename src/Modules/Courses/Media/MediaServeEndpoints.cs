using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Training.Abstractions.Storage;

namespace Training.Courses.Media;

/// <summary>GET /courses/media/{id} and its captions: the stored file, with range requests (a video is played and
/// seeked without downloading it first), an ETag from its SHA-256, its recognised content type, shown inline.</summary>
internal static class MediaServeEndpoints
{
    public static async Task<IResult> FileAsync(Guid id, ClaimsPrincipal user, HttpContext http, MediaLibrary library, MediaAccess access,
        IBlobStore blobs, CancellationToken ct)
    {
        var item = await library.FindAsync(id, ct);
        if (item is null) return Results.NotFound();
        if (!await access.CanViewAsync(user, item.CourseId, ct)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        return await ServeAsync(http, blobs, item.BlobKey, item.ContentType, item.Sha256, item.UploadedAt, item.FileName, ct);
    }

    public static async Task<IResult> CaptionsAsync(Guid id, ClaimsPrincipal user, HttpContext http, MediaLibrary library, MediaAccess access,
        IBlobStore blobs, CancellationToken ct)
    {
        var item = await library.FindAsync(id, ct);
        if (item?.CaptionsBlobKey is null) return Results.NotFound();
        if (!await access.CanViewAsync(user, item.CourseId, ct)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        return await ServeAsync(http, blobs, item.CaptionsBlobKey, "text/vtt; charset=utf-8", item.CaptionsSha256 ?? "", item.UploadedAt,
            Path.ChangeExtension(item.FileName, ".vtt"), ct);
    }

    private static async Task<IResult> ServeAsync(HttpContext http, IBlobStore blobs, string key, string contentType, string sha256,
        DateTimeOffset modified, string fileName, CancellationToken ct)
    {
        var blob = await blobs.OpenReadAsync(key, ct);
        if (blob is null) return Results.NotFound();
        http.Response.RegisterForDisposeAsync(blob);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Private: the file is for this course's people only; a shared cache must not keep it.
        headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        headers.ContentDisposition = disposition.ToString();
        return Results.Stream(blob.Stream, contentType, lastModified: modified, entityTag: new EntityTagHeaderValue($"\"{sha256}\""),
            enableRangeProcessing: true);
    }
}
