using Microsoft.AspNetCore.Mvc;
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

    public static string KindLabel(MediaKind kind) => kind switch
    {
        MediaKind.Image => "Ảnh",
        MediaKind.Pdf => "PDF",
        MediaKind.Audio => "Âm thanh",
        _ => "Video",
    };
}
