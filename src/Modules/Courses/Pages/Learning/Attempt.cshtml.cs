using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Domain;
using Training.Courses.Questions;
using Training.Courses.Services;

namespace Training.Courses.Pages.Learning;

/// <summary>Take an attempt (no correct answers in the page) or review it after submission.</summary>
[Authorize(Policy = Permissions.Learn)]
public sealed class AttemptModel(CoursesDbContext db, CourseCatalog catalog, LearningService learning, CertificateHints hints,
    TimeProvider clock) : PageModel
{
    public QuizAttempt Attempt { get; private set; } = null!;
    public CourseVersion Version { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, VersionQuestion> Questions { get; private set; } = new Dictionary<Guid, VersionQuestion>();
    public string? Error { get; private set; }
    public bool Expired => Attempt.Deadline is { } d && clock.GetUtcNow() > d + LearningService.Grace;

    /// <summary>Seconds until the deadline, for the countdown; null without a time limit.</summary>
    public int? SecondsLeft => Attempt.Deadline is { } d ? (int)Math.Max(0, Math.Ceiling((d - clock.GetUtcNow()).TotalSeconds)) : null;

    /// <summary>Whether the review shows the correct answers and explanations (the version's <see cref="ReviewMode"/>).</summary>
    public bool ShowAnswers { get; private set; }

    /// <summary>After a pass: where the certificate stands.</summary>
    public CertificateHint? Certificate { get; private set; }

    /// <summary>The section's title when this is an attempt of a section quiz.</summary>
    public string? SectionTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var answers = ResponseForm.Read(Request.Form);
        if (answers is null) return await RefuseAsync(id, "Dữ liệu bài làm không hợp lệ.", ct);
        // Sent by the countdown script when it reaches zero (quiz-timer.js).
        var timeUp = Request.Form["timeUp"] == "true";
        var result = await learning.SubmitAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, answers, ct, timeUp);
        return result.Outcome switch
        {
            SubmitOutcome.NotFound => NotFound(),
            SubmitOutcome.Graded or SubmitOutcome.Late => Redirect($"/learning/attempts/{id}"),
            SubmitOutcome.AlreadySubmitted => await RefuseAsync(id, result.Message!, ct, StatusCodes.Status409Conflict),
            _ => await RefuseAsync(id, result.Message!, ct),
        };
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string message, CancellationToken ct, int status = StatusCodes.Status400BadRequest)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var uid = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.UserId == uid, ct);
        if (attempt is null) return false;
        Attempt = attempt;
        Version = (await catalog.GetVersionAsync(attempt.VersionId, ct))!;
        Questions = await catalog.GetQuestionsAsync(attempt.VersionId, ct);
        if (attempt.Section != 0)
            SectionTitle = (await catalog.GetOutlineAsync(attempt.VersionId, ct)).FirstOrDefault(l => l.SectionOrder == attempt.Section)?.SectionTitle;
        if (attempt.Status == AttemptStatus.Submitted)
        {
            var all = await learning.GetAttemptsAsync(attempt.EnrolmentId, ct, attempt.Section);
            ShowAnswers = ReviewRules.ShowAnswers(Version, all);
            // A passed section quiz says nothing about the certificate unless it was the last step of the course.
            if (attempt.Passed == true && (attempt.Section == 0 || await db.Completions.AnyAsync(c => c.EnrolmentId == attempt.EnrolmentId, ct)))
                Certificate = await hints.ForAsync(attempt, ct);
        }
        return true;
    }
}
