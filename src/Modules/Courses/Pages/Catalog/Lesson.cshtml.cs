using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;
using Training.Courses.Markdown;
using Training.Courses.Scorm;
using Training.Courses.Scorm.Runtime;
using Training.Courses.Services;

namespace Training.Courses.Pages.Catalog;

/// <summary>A lesson of a published version. Anyone may read the published version; an enrolled learner reads
/// the version they enrolled in, with progress.</summary>
[AllowAnonymous]
public sealed class LessonModel(CourseCatalog catalog, LessonRenderer renderer) : PageModel
{
    // Resolved only for signed-in learners: anonymous readers are served from the caches without opening a DbContext.
    private LearningService Learning => HttpContext.RequestServices.GetRequiredService<LearningService>();

    public VersionLesson Lesson { get; private set; } = null!;
    public CourseVersion Version { get; private set; } = null!;
    public RenderedLesson Rendered { get; private set; } = null!;
    public IReadOnlyList<OutlineLesson> Outline { get; private set; } = [];
    public Enrolment? Enrolment { get; private set; }
    public HashSet<Guid> Done { get; private set; } = [];
    /// <summary>The player when the lesson is a SCORM package; such a lesson is done when the package says so.</summary>
    public ScormView? Scorm { get; private set; }
    /// <summary>Cited documents replaced, expired or about to be: shown to the learner beside the lesson text.</summary>
    public IReadOnlyList<Training.Abstractions.Citations.CitedDocument> ChangingLaw { get; private set; } = [];

    public OutlineLesson? Previous => Outline.LastOrDefault(l => l.Number < Lesson.Number);
    public OutlineLesson? Next => Outline.FirstOrDefault(l => l.Number > Lesson.Number);

    public async Task<IActionResult> OnGetAsync(string code, Guid id, string? item, CancellationToken ct)
    {
        if (!await LoadAsync(code, id, ct)) return NotFound();
        if (Enrolment is not null) await Learning.RecordViewAsync(Enrolment, Lesson, ct);
        if (ScormLessonMarker.Find(Lesson.Markdown) is { } package)
        {
            Scorm = await HttpContext.RequestServices.GetRequiredService<ScormPlayer>().BuildAsync(package, Lesson, Enrolment, item, ct);
            if (Scorm is not null) return Page();
        }
        Rendered = await renderer.RenderAsync(Lesson.Markdown, forAuthor: false, Lesson.ContentHash, ct, Lesson.CourseId);
        ChangingLaw = await HttpContext.RequestServices.GetRequiredService<CitationFlags>().ForLessonAsync(Lesson.Id, ct);
        return Page();
    }

    [Authorize(Policy = Permissions.Learn)]
    public async Task<IActionResult> OnPostDoneAsync(string code, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(code, id, ct) || Enrolment is null || ScormLessonMarker.Find(Lesson.Markdown) is not null) return NotFound();
        await Learning.MarkDoneAsync(Enrolment, Lesson, ct);
        return Redirect(Next is { } n ? $"/courses/{Version.Code}/lessons/{n.Id}" : $"/courses/{Version.Code}");
    }

    private async Task<bool> LoadAsync(string code, Guid id, CancellationToken ct)
    {
        var lesson = await catalog.GetLessonAsync(id, ct);
        if (lesson is null) return false;
        var course = await catalog.FindByCodeAsync(code, ct);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } uid && User.HasClaim(Abstractions.Security.PermissionClaim.Type, Permissions.Learn))
            Enrolment = await Learning.GetCurrentAsync(uid, lesson.CourseId, ct);
        var visible = lesson.VersionId == course?.VersionId || lesson.VersionId == Enrolment?.VersionId;
        if (!visible) return false;
        if (Enrolment is not null && Enrolment.VersionId != lesson.VersionId) Enrolment = null;
        Lesson = lesson;
        Version = (await catalog.GetVersionAsync(lesson.VersionId, ct))!;
        if (!string.Equals(Version.Code, code, StringComparison.OrdinalIgnoreCase)) return false;
        Outline = await catalog.GetOutlineAsync(lesson.VersionId, ct);
        if (Enrolment is not null) Done = await Learning.GetDoneLessonsAsync(Enrolment.Id, ct);
        return true;
    }
}
