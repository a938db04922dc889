using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Certificates;
using Training.Abstractions.Events;
using Training.Certification.Data;
using Training.Platform.Time;

namespace Training.Certification.Cycles;

/// <summary>An updated course was republished: every programme listing it opens a new cycle for its current holders
/// (reason course-updated), due on the date the administrator chose; only completions from now on count, because an
/// earlier one taught the old content. Idempotent through <see cref="CycleOpener"/> (one cycle per person, programme,
/// cycle number).</summary>
public sealed class CourseRevisedHandler(CertificationDbContext db, CycleOpener opener, TimeProvider clock) : IDomainEventHandler<CourseRevised>
{
    public async Task HandleAsync(CourseRevised e, CancellationToken ct)
    {
        var programmes = (await db.Programmes.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            .Where(p => p.CourseCodeList.Contains(e.CourseCode, StringComparer.OrdinalIgnoreCase)).ToList();
        var today = clock.Today();
        foreach (var programme in programmes)
        {
            var holders = await CycleHolders.OnAsync(db, programme.Id, today, ct);
            var openings = holders.Select(h => new CycleOpening(h, e.DueOn, e.OccurredAt)).ToList();
            await opener.OpenAsync(programme, openings, RecertificationReasons.CourseUpdated, e.RevisedBy, ct);
        }
    }
}
