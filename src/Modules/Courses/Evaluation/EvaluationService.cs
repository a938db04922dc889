using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Platform.Text;
using Training.Platform.Time;

namespace Training.Courses.Evaluation;

public sealed record EvaluationSubmit(bool Saved, string? Error);

/// <summary>The course evaluation: the trainer's form, one anonymous answer sheet per learner, and the check the
/// completion makes when the survey is required before the certificate.</summary>
public sealed class EvaluationService(CoursesDbContext db, IOrgDirectory directory, LearningService learning, TimeProvider clock)
{
    public const int MaxItems = 30;

    public Task<EvaluationForm?> GetFormAsync(Guid courseId, CancellationToken ct) =>
        db.EvaluationForms.Include(f => f.Items.OrderBy(i => i.Order)).FirstOrDefaultAsync(f => f.CourseId == courseId, ct);

    public Task<bool> HasAnsweredAsync(Guid courseId, string userId, CancellationToken ct) =>
        db.EvaluationAnswered.AnyAsync(a => a.CourseId == courseId && a.UserId == userId, ct);

    /// <summary>True when the course requires its survey and this learner has not answered it yet.</summary>
    public static async Task<bool> IsPendingAsync(CoursesDbContext db, Guid courseId, string userId, CancellationToken ct) =>
        await db.EvaluationForms.AnyAsync(f => f.CourseId == courseId && f.Required && f.Items.Count > 0, ct)
        && !await db.EvaluationAnswered.AnyAsync(a => a.CourseId == courseId && a.UserId == userId, ct);

    /// <summary>Validates every answer first (Likert items need 1–5, text within its limit), then writes the
    /// "has answered" row and the anonymous sheet in one short transaction; the primary key of the first refuses a
    /// second sheet even from two requests at once. Then completes the course if the survey was all it waited for.</summary>
    public async Task<EvaluationSubmit> SubmitAsync(Enrolment enrolment, IReadOnlyDictionary<Guid, string?> answers, CancellationToken ct)
    {
        var form = await GetFormAsync(enrolment.CourseId, ct);
        if (form is null || form.Items.Count == 0) return new(false, "Khóa học này chưa có phiếu đánh giá.");
        if (await HasAnsweredAsync(enrolment.CourseId, enrolment.UserId, ct)) return new(false, "Bạn đã gửi phiếu đánh giá khóa học này.");
        var responseId = Guid.NewGuid();
        var rows = new List<EvaluationAnswer>();
        var errors = new FieldErrors();
        foreach (var item in form.Items)
        {
            var raw = answers.GetValueOrDefault(item.Id);
            if (item.Kind == EvaluationItemKind.Likert)
            {
                if (raw is not ("1" or "2" or "3" or "4" or "5")) errors.Add($"Câu {item.Order}: hãy chọn một mức từ 1 đến 5.");
                else rows.Add(new EvaluationAnswer { ResponseId = responseId, ItemId = item.Id, CourseId = form.CourseId, Score = raw[0] - '0' });
            }
            else
            {
                var text = errors.Text($"Câu {item.Order}", raw, TextLimits.Paragraph);
                if (text.Length > 0) rows.Add(new EvaluationAnswer { ResponseId = responseId, ItemId = item.Id, CourseId = form.CourseId, Text = text });
            }
        }
        if (errors.Count > 0) return new(false, string.Join(" ", errors));
        var unit = (await directory.GetPersonAsync(enrolment.UserId, ct))?.PrimaryUnitId;
        var today = clock.Today(); // the day in Vietnam, as every other date the site records

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.EvaluationAnswered.Add(new EvaluationAnswered { CourseId = form.CourseId, UserId = enrolment.UserId, AnsweredOn = today });
        db.EvaluationResponses.Add(new EvaluationResponse { Id = responseId, CourseId = form.CourseId, UnitId = unit, SubmittedOn = today });
        db.EvaluationAnswers.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(false, "Bạn đã gửi phiếu đánh giá khóa học này.");
        }
        await learning.TryCompleteOnlineAsync(enrolment, ct);
        await tx.CommitAsync(ct);
        return new(true, null);
    }
}
