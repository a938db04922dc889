using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Pages.Learning;

[Authorize(Policy = Permissions.Learn)]
public sealed class QuizModel(CourseCatalog catalog, LearningService learning, Training.Courses.Evaluation.EvaluationService evaluation, CoursesDbContext db) : PageModel
{
    public CourseVersion Version { get; private set; } = null!;
    public Enrolment? Enrolment { get; private set; }
    public List<QuizAttempt> Attempts { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>The course has an evaluation survey; <see cref="EvaluationPending"/>: it is required and not yet answered.</summary>
    public bool HasEvaluation { get; private set; }
    public bool EvaluationPending { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        if (Enrolment is null) return RedirectToPage("/Catalog/Course", new { code });
        var result = await learning.StartAttemptAsync(Enrolment, Random.Shared, ct);
        if (result.Attempt is null)
        {
            Error = result.Error;
            return Page();
        }
        return Redirect($"/learning/attempts/{result.Attempt.Id}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var course = await catalog.FindByCodeAsync(code, ct);
        var uid = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (course is not null) Enrolment = await learning.GetCurrentAsync(uid, course.CourseId, ct);
        var versionId = Enrolment?.VersionId ?? course?.VersionId;
        if (versionId is null) return false;
        Version = (await catalog.GetVersionAsync(versionId.Value, ct))!;
        if (Enrolment is not null) Attempts = await learning.GetAttemptsAsync(Enrolment.Id, ct);
        var form = await evaluation.GetFormAsync(Version.CourseId, ct);
        HasEvaluation = form is { Items.Count: > 0 };
        EvaluationPending = Enrolment is not null && await Training.Courses.Evaluation.EvaluationService.IsPendingAsync(db, Version.CourseId, Enrolment.UserId, ct);
        return true;
    }
}
