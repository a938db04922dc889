using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Courses.Markdown;
using Training.Courses.Services;

namespace Training.Courses.Pages.Authoring;

/// <summary>Markdown editor with a server-rendered preview that lists unresolved citations.</summary>
public sealed class LessonModel(AuthoringService authoring, CoursesDbContext db, LessonRenderer renderer, TimeProvider clock, CitationFlags flags)
    : EditorPage(authoring, db)
{
    public Lesson Lesson { get; private set; } = null!;
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Markdown { get; set; } = "";
    public RenderedLesson Preview { get; private set; } = null!;
    public string? Message { get; private set; }
    public FieldErrors Errors { get; } = [];
    /// <summary>Documents the text cites that are replaced, expired or will be within 180 days.</summary>
    public IReadOnlyList<Training.Abstractions.Citations.CitedDocument> ChangingLaw { get; private set; } = [];


    public async Task<IActionResult> OnGetAsync(Guid id, Guid lessonId, CancellationToken ct)
    {
        if (await LoadAsync(id, lessonId, ct) is { } refused) return refused;
        Title = Lesson.Title;
        Markdown = Lesson.Markdown;
        Preview = await renderer.RenderAsync(Markdown, forAuthor: true, ct: ct, courseId: Course.Id);
        await FlagAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, Guid lessonId, CancellationToken ct)
    {
        if (await LoadAsync(id, lessonId, ct) is { } refused) return refused;
        Preview = await renderer.RenderAsync(AuthoringService.NormaliseMarkdown(Markdown), forAuthor: true, ct: ct, courseId: Course.Id);
        Message = "Bản xem trước chưa được lưu.";
        await FlagAsync(ct);
        if (Preview.Error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, Guid lessonId, CancellationToken ct)
    {
        if (await LoadAsync(id, lessonId, ct) is { } refused) return refused;
        var title = Errors.Text("Tên bài", Title, TextLimits.Name, required: true);
        var markdown = AuthoringService.NormaliseMarkdown(Markdown);
        if (MarkdownLimits.Check(markdown) is { } tooDeep) Errors.Add("Nội dung: " + tooDeep);
        if (Errors.Count > 0)
        {
            // Nothing is saved; the text stays in the editor so nothing typed is lost.
            Preview = RenderedLesson.Refused("Chưa lưu: sửa các lỗi ở trên rồi lưu lại.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Lesson.Title = title;
        // The cache is keyed by content hash: the new text gets a new entry, the old one is never served for it.
        Lesson.Markdown = markdown;
        Lesson.UpdatedAt = clock.GetUtcNow();
        Authoring.Touch(Course);
        await Authoring.SaveAsync(ct);
        Preview = await renderer.RenderAsync(Lesson.Markdown, forAuthor: true, ct: ct, courseId: Course.Id);
        Message = "Đã lưu bản nháp.";
        await FlagAsync(ct);
        return Page();
    }

    /// <summary>Flags what the preview cites (the draft's text, so fixing the citation removes the flag).</summary>
    private async Task FlagAsync(CancellationToken ct) => ChangingLaw = await flags.ForKeysAsync(Preview.ArticleKeys.ToList(), ct);

    private async Task<IActionResult?> LoadAsync(Guid id, Guid lessonId, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var lesson = Course.Sections.SelectMany(s => s.Lessons).FirstOrDefault(l => l.Id == lessonId);
        if (lesson is null) return NotFound();
        Lesson = lesson;
        return null;
    }
}
