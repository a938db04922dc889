using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.Data;
using Training.Courses.Domain;
using Training.Courses.Services;

namespace Training.Courses.Pages.Learning;

/// <summary>The final quiz (<c>/courses/{code}/quiz</c>) or a section's quiz (<c>/courses/{code}/quiz/{section}</c>): same
/// settings, same attempt page.</summary>
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
    /// <summary>The section whose quiz this is; null for the final quiz.</summary>
    public SectionQuiz? Section { get; private set; }
    /// <summary>Final quiz: the section quizzes of the version and the learner's results in them.</summary>
    public List<SectionQuizStatus> SectionQuizzes { get; private set; } = [];
    public int QuestionCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int? section, CancellationToken ct) =>
        await LoadAsync(code, section ?? 0, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, int? section, CancellationToken ct)
    {
        if (!await LoadAsync(code, section ?? 0, ct)) return NotFound();
        if (Enrolment is null) return RedirectToPage("/Catalog/Course", new { code });
        var result = await learning.StartAttemptAsync(Enrolment, Random.Shared, ct, section ?? 0);
        if (result.Attempt is null)
        {
            Error = result.Error;
            return Page();
        }
        return Redirect($"/learning/attempts/{result.Attempt.Id}");
    }

    private async Task<bool> LoadAsync(string code, int section, CancellationToken ct)
    {
        var course = await catalog.FindByCodeAsync(code, ct);
        var uid = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (course is not null) Enrolment = await learning.GetCurrentAsync(uid, course.CourseId, ct);
        var versionId = Enrolment?.VersionId ?? course?.VersionId;
        if (versionId is null) return false;
        Version = (await catalog.GetVersionAsync(versionId.Value, ct))!;
        SectionQuizzes = await learning.GetSectionQuizzesAsync(Enrolment, Version.Id, ct);
        if (section != 0)
        {
            Section = SectionQuizzes.FirstOrDefault(s => s.Quiz.Order == section)?.Quiz;
            if (Section is null) return false;
        }
        QuestionCount = Section is null ? Version.QuestionCount
            : (await catalog.GetQuestionsAsync(Version.Id, ct)).Values.Count(q => q.SectionOrder == section);
        if (Enrolment is not null) Attempts = await learning.GetAttemptsAsync(Enrolment.Id, ct, section);
        var form = await evaluation.GetFormAsync(Version.CourseId, ct);
        HasEvaluation = form is { Items.Count: > 0 };
        EvaluationPending = Enrolment is not null && await Training.Courses.Evaluation.EvaluationService.IsPendingAsync(db, Version.CourseId, Enrolment.UserId, ct);
        return true;
    }
}
