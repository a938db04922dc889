using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Storage;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Media;
using Training.Courses.Media.Data;
using Training.Courses.Pages.Authoring;
using Training.Courses.Services;

namespace Training.Courses.Pages.Media;

/// <summary>A course's media library for its authors: the files, their reference names and the upload form (sent by
/// media-upload.js to the streaming endpoint).</summary>
public sealed class LibraryModel(AuthoringService authoring, CoursesDbContext db, MediaDbContext media, MediaUploader uploader) : EditorPage(authoring, db)
{
    public const int PageSize = 50;

    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public MediaItem? Added { get; private set; }
    public MediaOptions Limits => uploader.Options;

    public async Task<IActionResult> OnGetAsync(Guid id, int p = 1, string? added = null, CancellationToken ct = default)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var q = media.Items.AsNoTracking().Where(i => i.CourseId == id);
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Items = await q.OrderBy(i => i.Slug).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        if (added is not null) Added = await q.FirstOrDefaultAsync(i => i.Slug == added, ct);
        return Page();
    }

    public string? Message { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Removes an item no lesson refers to, draft or published (learners of an older version still see it).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid mediaId, [FromServices] IBlobStore blobs, [FromServices] MediaLibrary library, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var item = await media.Items.FirstOrDefaultAsync(i => i.Id == mediaId && i.CourseId == id, ct);
        if (item is null) return NotFound();
        if (await UsedByAsync(id, item.Slug, ct) is { } lesson)
        {
            Error = $"Không xóa được «{item.Title}»: bài «{lesson}» (bản nháp hoặc một phiên bản đã xuất bản) đang dùng media:{item.Slug}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(id, ct: ct);
            return Page();
        }
        media.Items.Remove(item);
        await media.SaveChangesAsync(ct);
        await library.ChangedAsync(id, [item.Id], ct);
        // After the row is gone nothing names the files; a crash here leaves unreachable blobs, never a broken item.
        await blobs.DeleteAsync(item.BlobKey, CancellationToken.None);
        if (item.CaptionsBlobKey is not null) await blobs.DeleteAsync(item.CaptionsBlobKey, CancellationToken.None);
        await OnGetAsync(id, ct: ct);
        Message = $"Đã xóa «{item.Title}».";
        return Page();
    }

    /// <summary>The title of a lesson (draft or published) referring to the item, or null. The text search may match a
    /// longer name (<c>media:so-do</c> in <c>media:so-do-2</c>), so candidates are parsed to confirm.</summary>
    private async Task<string?> UsedByAsync(Guid courseId, string slug, CancellationToken ct)
    {
        var reference = MediaReferences.Scheme + slug;
        var drafts = await Db.Lessons.Where(l => l.CourseId == courseId && l.Markdown.Contains(reference)).Select(l => new { l.Title, l.Markdown }).ToListAsync(ct);
        var published = await Db.VersionLessons.Where(l => l.CourseId == courseId && l.Markdown.Contains(reference)).Select(l => new { l.Title, l.Markdown }).ToListAsync(ct);
        return drafts.Concat(published).FirstOrDefault(l => MediaReferences.AllSlugs(l.Markdown).Contains(slug))?.Title;
    }

    public static string KindLabel(MediaKind kind) => kind switch
    {
        MediaKind.Image => "Ảnh",
        MediaKind.Pdf => "PDF",
        MediaKind.Audio => "Âm thanh",
        _ => "Video",
    };
}
