using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.Data;
using Training.Courses.Evaluation;
using Training.Courses.Services;

namespace Training.Courses.Pages.Evaluation;

/// <summary>The learner's evaluation of a course they are enrolled in: one anonymous sheet each.</summary>
[Authorize(Policy = Permissions.Learn)]
public sealed class AnswerModel(CourseCatalog catalog, LearningService learning, EvaluationService evaluation) : PageModel
{
    public CatalogItem Course { get; private set; } = null!;
    public EvaluationForm? Form { get; private set; }
    public Enrolment? Enrolment { get; private set; }
    public bool Answered { get; private set; }
    public bool Saved { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyDictionary<Guid, string?> Given { get; private set; } = new Dictionary<Guid, string?>();

    public async Task<IActionResult> OnGetAsync(string code, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        Saved = saved && Answered;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        if (Enrolment is null) return RedirectToPage("/Catalog/Course", new { code });
        var answers = new Dictionary<Guid, string?>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("e_", StringComparison.Ordinal) && Guid.TryParse(key[2..], out var itemId)) answers[itemId] = value.ToString();
        }
        var result = await evaluation.SubmitAsync(Enrolment, answers, ct);
        if (result.Saved) return RedirectToPage(new { code, saved = true });
        Error = result.Error;
        Given = answers;
        Answered = await evaluation.HasAnsweredAsync(Course.CourseId, Enrolment.UserId, ct);
        Response.StatusCode = Answered ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var course = await catalog.FindByCodeAsync(code, ct);
        if (course is null) return false;
        Course = course;
        var uid = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Enrolment = await learning.GetCurrentAsync(uid, course.CourseId, ct);
        Form = await evaluation.GetFormAsync(course.CourseId, ct);
        if (Form is null || Form.Items.Count == 0) return false;
        Answered = await evaluation.HasAnsweredAsync(course.CourseId, uid, ct);
        return true;
    }
}
