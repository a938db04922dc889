using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Pages.Catalog;

/// <summary>A course: outline, the learner's progress and attempts, enrolment, classes.</summary>
// Public outline; enrolling and registering need Learn (handler attributes, enforced by the host's handler filter).
[AllowAnonymous]
public sealed class CourseModel(CourseCatalog catalog, LearningService learning, ClassService classes, CoursesDbContext db) : PageModel
{
    public CatalogItem Course { get; private set; } = null!;
    public CourseVersion Version { get; private set; } = null!;
    public IReadOnlyList<OutlineLesson> Outline { get; private set; } = [];
    public Enrolment? Enrolment { get; private set; }
    public HashSet<Guid> Done { get; private set; } = [];
    public List<QuizAttempt> Attempts { get; private set; } = [];
    /// <summary>Section quizzes of the version (shown after their section's lessons) with the learner's results.</summary>
    public List<Training.Courses.Domain.SectionQuizStatus> SectionQuizzes { get; private set; } = [];
    public List<Completion> Completions { get; private set; } = [];
    public List<TrainingClass> Classes { get; private set; } = [];
    public HashSet<Guid> MyClasses { get; private set; } = [];
    public Dictionary<Guid, int> ClassCounts { get; private set; } = [];
    public string? Message { get; private set; }

    public Guid? NextLessonId => Outline.FirstOrDefault(l => !Done.Contains(l.Id))?.Id;

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        return Page();
    }

    [Authorize(Policy = Permissions.Learn)]
    public async Task<IActionResult> OnPostEnrolAsync(string code, bool retake, CancellationToken ct)
    {
        var course = await catalog.FindByCodeAsync(code, ct);
        if (course is null) return NotFound();
        var enrolment = await learning.EnrolAsync(UserId!, course, EnrolmentSource.Self, retake: retake, ct: ct);
        var first = (await catalog.GetOutlineAsync(enrolment.VersionId, ct)).FirstOrDefault();
        return first is null ? RedirectToPage() : Redirect($"/courses/{course.Code}/lessons/{first.Id}");
    }

    [Authorize(Policy = Permissions.Learn)]
    public async Task<IActionResult> OnPostRegisterAsync(string code, Guid classId, CancellationToken ct)
    {
        var course = await catalog.FindByCodeAsync(code, ct);
        var cls = await db.Classes.FirstOrDefaultAsync(c => c.Id == classId, ct);
        if (course is null || cls is null || cls.CourseId != course.CourseId) return NotFound();
        var error = await classes.RegisterAsync(cls, UserId!, User.FindFirstValue("full_name") ?? User.Identity?.Name ?? "", ct);
        await LoadAsync(code, ct);
        Message = error ?? "Đã đăng ký lớp tập huấn.";
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var course = await catalog.FindByCodeAsync(code, ct);
        Enrolment = null;
        if (UserId is { } uid)
        {
            var courseId = course?.CourseId ?? await db.Courses.Where(c => c.Code == code).Select(c => c.Id).FirstOrDefaultAsync(ct);
            Enrolment = await learning.GetCurrentAsync(uid, courseId, ct);
        }
        // A learner keeps access to the version they enrolled in, even after it is superseded or unpublished.
        var versionId = Enrolment?.VersionId ?? course?.VersionId;
        if (versionId is null) return false;
        var version = await catalog.GetVersionAsync(versionId.Value, ct);
        if (version is null) return false;
        Version = version;
        Course = course ?? new CatalogItem(version.CourseId, version.Id, version.Version, version.Code, version.Title, version.Summary, version.Category,
            version.Audience, version.EstimatedHours, version.LessonCount, version.QuestionCount, version.PassingPercent, "");
        Outline = await catalog.GetOutlineAsync(version.Id, ct);
        SectionQuizzes = await learning.GetSectionQuizzesAsync(Enrolment, version.Id, ct);
        if (Enrolment is not null)
        {
            Done = await learning.GetDoneLessonsAsync(Enrolment.Id, ct);
            Attempts = await learning.GetAttemptsAsync(Enrolment.Id, ct);
        }
        if (UserId is { } u)
        {
            Completions = (await db.Completions.AsNoTracking().Where(c => c.UserId == u && c.CourseId == version.CourseId).ToListAsync(ct))
                .OrderByDescending(c => c.CompletedAt).ToList();
            MyClasses = (await db.Registrations.Where(r => r.UserId == u).Select(r => r.ClassId).ToListAsync(ct)).ToHashSet();
        }
        Classes = (await db.Classes.AsNoTracking().Where(c => c.CourseId == version.CourseId && c.AttendanceTakenAt == null).ToListAsync(ct))
            .OrderBy(c => c.StartsAt).ToList();
        var ids = Classes.Select(c => c.Id).ToList();
        ClassCounts = (await db.Registrations.Where(r => ids.Contains(r.ClassId)).GroupBy(r => r.ClassId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        return true;
    }
}
