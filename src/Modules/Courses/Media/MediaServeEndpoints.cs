using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Training.Abstractions.Storage;

namespace Training.Courses.Media;

/// <summary>GET /courses/media/{id} and its captions: the stored file, with range requests (a video is played and
/// seeked without downloading it first), an ETag from its SHA-256, its recognised content type, shown inline.
/// Per request, once warm: the item and the access decision come from memory (<see cref="MediaLibrary"/>,
/// <see cref="MediaAccess"/>), so a range request reads nothing from the database; with the data-folder store the
/// file is served by path (<c>Results.File</c>), else through the store's seekable stream.</summary>
internal static class MediaServeEndpoints
{
    public static async Task<IResult> FileAsync(Guid id, ClaimsPrincipal user, HttpContext http, MediaLibrary library, MediaAccess access,
        IBlobStore blobs, CancellationToken ct)
    {
        var item = await library.FindAsync(id, ct);
        if (item is null) return Results.NotFound();
        if (!await access.CanViewAsync(user, item.CourseId, ct)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        return await ServeAsync(http, library, blobs, item, item.BlobKey, item.ContentType, item.Sha256, item.FileName, ct);
    }

    public static async Task<IResult> CaptionsAsync(Guid id, ClaimsPrincipal user, HttpContext http, MediaLibrary library, MediaAccess access,
        IBlobStore blobs, CancellationToken ct)
    {
        var item = await library.FindAsync(id, ct);
        if (item?.CaptionsBlobKey is null) return Results.NotFound();
        if (!await access.CanViewAsync(user, item.CourseId, ct)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        return await ServeAsync(http, library, blobs, item, item.CaptionsBlobKey, "text/vtt; charset=utf-8", item.CaptionsSha256 ?? "",
            Path.ChangeExtension(item.FileName, ".vtt"), ct);
    }

    private static async Task<IResult> ServeAsync(HttpContext http, MediaLibrary library, IBlobStore blobs, MediaRef item, string key,
        string contentType, string sha256, string fileName, CancellationToken ct)
    {
        var etag = new EntityTagHeaderValue($"\"{sha256}\"");
        if (blobs is IBlobFiles files && await library.FindFileAsync(item, key, files, ct) is { } file)
        {
            if (File.Exists(file.Path))
            {
                SetHeaders(http, fileName);
                return Results.File(file.Path, contentType, lastModified: item.UploadedAt, entityTag: etag, enableRangeProcessing: true);
            }
            // Deleted meanwhile (on another node, before its eviction message arrived): ask the store again below.
            library.ForgetFile(item, key);
        }
        var blob = await blobs.OpenReadAsync(key, ct);
        if (blob is null) return Results.NotFound();
        http.Response.RegisterForDisposeAsync(blob);
        SetHeaders(http, fileName);
        return Results.Stream(blob.Stream, contentType, lastModified: item.UploadedAt, entityTag: etag, enableRangeProcessing: true);
    }

    private static void SetHeaders(HttpContext http, string fileName)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Private: the file is for this course's people only; a shared cache must not keep it.
        headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        headers.ContentDisposition = disposition.ToString();
    }
}
