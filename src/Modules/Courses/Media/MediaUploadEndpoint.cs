using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Training.Courses.Services;

namespace Training.Courses.Media;

/// <summary>POST /authoring/{id}/media/upload: one file (and optional captions) into the course's library, streamed section by
/// section with <see cref="MultipartReader"/> so a large video is never held in memory or a temporary file. The
/// antiforgery token comes in the <c>RequestVerificationToken</c> header (the upload script sends it): read from the form,
/// it would make ASP.NET buffer the whole body first. Fields are read in form order: title, reference name, captions, file.</summary>
internal static class MediaUploadEndpoint
{
    public const string TokenHeader = "RequestVerificationToken";

    public static async Task<IResult> UploadAsync(Guid id, HttpContext http, ClaimsPrincipal user, AuthoringService authoring,
        MediaUploader uploader, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = uploader.Options.MaxRequestBytes;
        var course = await authoring.GetEditableAsync(id, user, ct);
        if (course is null) return Results.NotFound();
        if (!http.Request.Headers.ContainsKey(TokenHeader))
            return Refuse(StatusCodes.Status400BadRequest, "Trang tải tệp cần JavaScript: hãy bật JavaScript rồi tải lại trang.");
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Phiên làm việc đã hết hạn: hãy tải lại trang rồi gửi lại tệp.");
        }
        if (http.Request.ContentLength is { } declared && declared > uploader.Options.MaxRequestBytes)
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"Tệp quá lớn: tối đa {MediaOptions.Size(uploader.Options.MaxVideoBytes)} cho video.");
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return Refuse(StatusCodes.Status400BadRequest, "Yêu cầu tải tệp không đúng dạng (multipart/form-data).");

        var userId = AuthoringService.UserId(user)!;
        var reader = new MultipartReader(boundary, http.Request.Body);
        string? title = null, slug = null, captionsName = null;
        byte[]? captions = null;
        StagedFile? staged = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                var fileName = disposition.FileName.HasValue || disposition.FileNameStar.HasValue
                    ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? ""
                    : null;
                switch (name)
                {
                    case "Title" when fileName is null:
                        title = await ReadTextAsync(section.Body, ct);
                        break;
                    case "Slug" when fileName is null:
                        slug = await ReadTextAsync(section.Body, ct);
                        break;
                    case "Captions" when fileName is { Length: > 0 }:
                        captionsName = fileName;
                        captions = await ReadLimitedAsync(section.Body, uploader.Options.MaxCaptionsBytes, ct);
                        if (captions is null) return Refuse(StatusCodes.Status413PayloadTooLarge, $"Tệp phụ đề quá lớn: tối đa {MediaOptions.Size(uploader.Options.MaxCaptionsBytes)}.");
                        break;
                    case "File" when fileName is not null && staged is null:
                        if (await uploader.CheckNameAsync(id, title, slug, fileName, ct) is { } nameError) return Refuse(StatusCodes.Status400BadRequest, nameError);
                        var (file, error, tooLarge) = await uploader.StageAsync(id, fileName, section.Body, ct);
                        if (error is not null) return Refuse(tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, error);
                        staged = file;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException)
        {
            if (staged is not null) await uploader.DiscardAsync(staged);
            return Refuse(StatusCodes.Status400BadRequest, "Tải tệp bị gián đoạn hoặc yêu cầu không đúng dạng: không có gì được lưu, hãy gửi lại.");
        }
        if (staged is null) return Refuse(StatusCodes.Status400BadRequest, "Chưa chọn tệp để tải lên.");
        var (item, commitError) = await uploader.CommitAsync(id, userId, staged, new UploadFields(title, slug, captions, captionsName), ct);
        if (commitError is not null) return Refuse(StatusCodes.Status400BadRequest, commitError);
        return Results.Json(new UploadResponse(true, $"Đã thêm «{item!.Title}» vào thư viện. Chèn vào bài học: ![{item.Title}](media:{item.Slug})", item.Slug, item.Id),
            statusCode: StatusCodes.Status201Created);
    }

    public sealed record UploadResponse(bool Ok, string Message, string? Slug = null, Guid? Id = null);

    private static IResult Refuse(int status, string message) => Results.Json(new UploadResponse(false, message), statusCode: status);

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken ct)
    {
        // Form fields are short (a title, a name); anything past 4 KB is cut here and then refused by the length check.
        var bytes = await ReadLimitedAsync(body, 4096, ct);
        return bytes is null ? new string('x', 4097) : System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The section's bytes, or null when there are more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
