using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Events;
using Training.Certification.Data;
using Training.Platform.Text;

namespace Training.Certification.Issuance;

/// <summary>Records the completion (once per completion id) and issues whatever it now earns. Safe to run twice or in
/// parallel: the completion is keyed by its id and a certificate slot is unique. Throwing lets the outbox retry.</summary>
public sealed class CourseCompletedHandler(CertificationDbContext db, CertificateIssuer issuer) : IDomainEventHandler<CourseCompleted>
{
    public async Task HandleAsync(CourseCompleted e, CancellationToken ct)
    {
        if (!await db.CourseResults.AnyAsync(r => r.CompletionId == e.CompletionId, ct))
        {
            db.CourseResults.Add(new CourseResult
            {
                CompletionId = e.CompletionId, UserId = e.UserId, CourseId = e.CourseId, CourseCode = e.CourseCode,
                CourseTitle = VietnameseText.Clean(e.CourseTitle), ScorePercent = e.ScorePercent, Hours = e.Hours, CompletedAt = e.CompletedAt.ToUniversalTime(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A parallel delivery may have recorded it first; anything else is retried by the outbox.
                if (!await ExistsAfterRaceAsync(e.CompletionId, ct)) throw;
            }
        }
        await issuer.EvaluateAsync(e.UserId, e.CourseCode, ct);
    }

    private async Task<bool> ExistsAfterRaceAsync(Guid completionId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.CourseResults.AnyAsync(r => r.CompletionId == completionId, ct);
    }
}
