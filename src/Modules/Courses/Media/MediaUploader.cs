using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Abstractions.Storage;
using Training.Abstractions.Text;
using Training.Courses.Media.Data;
using Training.Courses.Services;
using Training.Platform.Text;

namespace Training.Courses.Media;

/// <summary>A file stored under its final key but not yet in the library: nothing refers to it until
/// <see cref="MediaUploader.CommitAsync"/> registers it, and <see cref="MediaUploader.DiscardAsync"/> removes it.</summary>
public sealed record StagedFile(Guid Id, string BlobKey, BlobInfo Info, SniffedType Type, string FileName);

/// <summary>The fields of an upload besides the file.</summary>
public sealed record UploadFields(string? Title, string? Slug, byte[]? Captions, string? CaptionsName);

/// <summary>Adds files to a course's library: the type is recognised from the content and must agree with the file's
/// extension, the size is limited per kind while the upload streams into the blob store, captions must be WebVTT, the
/// scanner must accept the stored file; on any refusal nothing stays stored and nothing is registered.</summary>
public sealed class MediaUploader(MediaDbContext db, IBlobStore blobs, IUploadScanner scanner, IOptions<MediaOptions> options,
    MediaLibrary library, TimeProvider clock)
{
    private const string Accepted = "ảnh (PNG, JPEG, GIF, WebP), tài liệu hoặc bài trình chiếu xuất ra PDF, âm thanh (MP3, M4A, WAV, Ogg), video (MP4, WebM)";

    public MediaOptions Options => options.Value;

    /// <summary>Checks title and reference name early (before the file is read), so a taken name costs no upload.</summary>
    public async Task<string?> CheckNameAsync(Guid courseId, string? title, string? slug, string fileName, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var cleanTitle = errors.Text("Tên tệp trong thư viện", title, TextLimits.Name);
        if (errors.Count > 0) return errors[0];
        var wanted = Slug(slug, cleanTitle, fileName);
        if (!MediaSlug.IsValid(wanted))
            return $"Tên tham chiếu «{wanted}» không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, tối đa {MediaSlug.MaxLength} ký tự.";
        return await db.Items.AnyAsync(i => i.CourseId == courseId && i.Slug == wanted, ct)
            ? $"Tên tham chiếu «{wanted}» đã có trong thư viện của khóa học: hãy chọn tên khác."
            : null;
    }

    /// <summary>Streams the file into the blob store, refusing it by extension, content and size.</summary>
    public async Task<(StagedFile? File, string? Error, bool TooLarge)> StageAsync(Guid courseId, string rawFileName, Stream body, CancellationToken ct)
    {
        var fileName = CleanFileName(rawFileName);
        if (fileName.Length == 0) return (null, "Chưa chọn tệp để tải lên.", false);
        if (ContentSniffer.KindOfExtension(fileName) is not { } promised)
            return (null, $"Không nhận tệp «{fileName}»: thư viện chỉ nhận {Accepted}.", false);
        var head = new byte[ContentSniffer.HeaderLength];
        var headLength = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (headLength == 0) return (null, $"Tệp «{fileName}» rỗng (0 byte).", false);
        Array.Resize(ref head, headLength);
        if (ContentSniffer.Sniff(head) is not { } type)
            return (null, $"Nội dung tệp «{fileName}» không phải {ContentSniffer.KindName(promised)} hợp lệ: không nhận ra định dạng. Thư viện chỉ nhận {Accepted}.", false);
        if (type.Kind != promised)
            return (null, $"Nội dung tệp «{fileName}» là {type.Label} ({ContentSniffer.KindName(type.Kind)}), không khớp với phần mở rộng {Path.GetExtension(fileName)} ({ContentSniffer.KindName(promised)}).", false);
        var limit = Options.MaxBytes(type.Kind);
        var id = Guid.NewGuid();
        var key = $"courses/media/{courseId:N}/{id:N}";
        try
        {
            var info = await blobs.PutAsync(key, new LimitedUploadStream(head, body, limit), type.ContentType, ct);
            return (new StagedFile(id, key, info, type, fileName), null, false);
        }
        catch (UploadTooLargeException)
        {
            await SafeDeleteAsync(key);
            return (null, TooLarge(fileName, type.Kind, limit), true);
        }
        catch
        {
            await SafeDeleteAsync(key);
            throw;
        }
    }

    public string TooLarge(string fileName, MediaKind kind, long limit) =>
        $"Tệp «{fileName}» quá lớn: {ContentSniffer.KindName(kind)} tối đa {MediaOptions.Size(limit)}.";

    /// <summary>Validates the fields and captions, scans the stored file and registers it; discards it when refused.</summary>
    public async Task<(MediaRef? Item, string? Error)> CommitAsync(Guid courseId, string userId, StagedFile file, UploadFields fields, CancellationToken ct)
    {
        string? captionsKey = null;
        try
        {
            var error = await CheckNameAsync(courseId, fields.Title, fields.Slug, file.FileName, ct);
            if (error is null && fields.Captions is { } vtt)
            {
                if (file.Type.Kind is not (MediaKind.Video or MediaKind.Audio)) error = "Chỉ video và âm thanh mới có phụ đề.";
                else if (!string.Equals(Path.GetExtension(fields.CaptionsName ?? ""), ".vtt", StringComparison.OrdinalIgnoreCase))
                    error = $"Tệp phụ đề «{CleanFileName(fields.CaptionsName ?? "")}» phải là WebVTT (.vtt).";
                else if (WebVttValidator.Validate(vtt) is { } vttError) error = vttError;
            }
            if (error is null) error = await ScanAsync(file, ct);
            if (error is not null)
            {
                await DiscardAsync(file);
                return (null, error);
            }
            BlobInfo? captions = null;
            if (fields.Captions is { } bytes)
            {
                captionsKey = file.BlobKey + ".vtt";
                captions = await blobs.PutAsync(captionsKey, new MemoryStream(bytes), "text/vtt", ct);
            }
            var title = VietnameseText.Clean(fields.Title);
            var item = new MediaItem
            {
                Id = file.Id, CourseId = courseId, Slug = Slug(fields.Slug, title, file.FileName),
                Title = title.Length > 0 ? title : Path.GetFileNameWithoutExtension(file.FileName), Kind = file.Type.Kind,
                ContentType = file.Type.ContentType, FileName = file.FileName, Length = file.Info.Length, Sha256 = file.Info.Sha256,
                BlobKey = file.BlobKey, CaptionsBlobKey = captions?.Key, CaptionsSha256 = captions?.Sha256, UploadedBy = userId,
                UploadedAt = clock.GetUtcNow(),
            };
            db.Items.Add(item);
            await db.SaveChangesAsync(ct);
            await library.ChangedAsync(courseId, [item.Id], ct);
            return (MediaRef.From(item), null);
        }
        catch (Exception ex)
        {
            db.ChangeTracker.Clear();
            await DiscardAsync(file);
            if (captionsKey is not null) await SafeDeleteAsync(captionsKey);
            if (ex is DbUpdateException) return (null, "Tên tham chiếu vừa được dùng cho một tệp khác: hãy chọn tên khác.");
            throw;
        }
    }

    public Task DiscardAsync(StagedFile file) => SafeDeleteAsync(file.BlobKey);

    private async Task<string?> ScanAsync(StagedFile file, CancellationToken ct)
    {
        await using var stored = await blobs.OpenReadAsync(file.BlobKey, ct) ?? throw new InvalidOperationException("Staged file vanished.");
        var verdict = await scanner.ScanAsync(stored.Stream, file.FileName, file.Type.ContentType, ct);
        return verdict.Clean ? null : $"Tệp «{file.FileName}» bị từ chối khi quét: {verdict.Reason ?? "không an toàn"}.";
    }

    private async Task SafeDeleteAsync(string key)
    {
        // Cleanup must run even when the request was aborted: no token.
        await blobs.DeleteAsync(key, CancellationToken.None);
    }

    private static string Slug(string? slug, string title, string fileName)
    {
        var given = VietnameseText.Clean(slug);
        if (given.Length > 0) return given;
        return MediaSlug.FromTitle(title.Length > 0 ? title : Path.GetFileNameWithoutExtension(fileName));
    }

    private static string CleanFileName(string name)
    {
        var clean = VietnameseText.Clean(Path.GetFileName(name.Replace('\\', '/')));
        return clean.Length > TextLimits.Name ? clean[..TextLimits.Name] : clean;
    }
}
