using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Certificates;
using Training.Abstractions.Events;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Cycles;

/// <summary>Assigns the programme's courses for the holder's new cycle. For each published course: one
/// <see cref="CycleAssignment"/>; a run finished before the cycle opened is kept as history and a new run starts (the
/// learner completes the course again, in its current version); an unfinished run is kept and gets the earlier due
/// date. Everything is read first, then written in one short transaction. Idempotent on (person, programme, cycle,
/// course): a redelivered event adds nothing; a concurrent one fails on the unique indexes and is retried by the outbox.</summary>
public sealed class RecertificationOpenedHandler(CoursesDbContext db, CourseCatalog catalog, XapiRecorder xapi,
    ILogger<RecertificationOpenedHandler> log) : IDomainEventHandler<RecertificationOpened>
{
    public async Task HandleAsync(RecertificationOpened e, CancellationToken ct)
    {
        var courses = new List<CatalogItem>();
        foreach (var code in e.CourseCodes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await catalog.FindByCodeAsync(code, ct) is { } course) courses.Add(course);
            else log.LogWarning("Cycle {Cycle} of programme {Programme}: course {Code} is not published, not assigned", e.NewCycle, e.ProgrammeName, code);
        }
        var courseIds = courses.Select(c => c.CourseId).ToList();
        var done = (await db.CycleAssignments.AsNoTracking()
                .Where(a => a.UserId == e.UserId && a.ProgrammeId == e.ProgrammeId && a.Cycle == e.NewCycle).Select(a => a.CourseId).ToListAsync(ct))
            .ToHashSet();
        var todo = courses.Where(c => !done.Contains(c.CourseId)).ToList();
        if (todo.Count == 0) return;
        var runs = await db.Enrolments.AsNoTracking().Where(r => r.UserId == e.UserId && r.IsCurrent && courseIds.Contains(r.CourseId))
            .ToDictionaryAsync(r => r.CourseId, ct);

        var retire = new List<Guid>();
        var earlierDue = new List<Guid>();
        foreach (var course in todo)
        {
            var row = new CycleAssignment
            {
                Id = Guid.NewGuid(), UserId = e.UserId, ProgrammeId = e.ProgrammeId, ProgrammeName = e.ProgrammeName, Cycle = e.NewCycle,
                CourseId = course.CourseId, CourseCode = course.Code, Reason = e.Reason, DueOn = e.DueOn, OpenedAt = e.OccurredAt.ToUniversalTime(),
            };
            db.CycleAssignments.Add(row);
            if (runs.TryGetValue(course.CourseId, out var run) && run.CompletedAt is null)
            {
                if (run.DueOn is null || run.DueOn > e.DueOn) earlierDue.Add(run.Id);
                continue;
            }
            if (run is not null) retire.Add(run.Id);
            var enrolment = new Enrolment
            {
                Id = Guid.NewGuid(), UserId = e.UserId, CourseId = course.CourseId, VersionId = course.VersionId, Source = EnrolmentSource.Assigned,
                EnrolledAt = e.OccurredAt.ToUniversalTime(), DueOn = e.DueOn, IsCurrent = true,
            };
            db.Enrolments.Add(enrolment);
            row.EnrolmentId = enrolment.Id;
            await xapi.RecordAsync(e.UserId, XapiVerbs.Registered, "course", $"/courses/{course.Code}", course.Title, ct: ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The finished runs stop being current before the new runs are inserted (one current run per course).
        if (retire.Count > 0)
            await db.Enrolments.Where(r => retire.Contains(r.Id) && r.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsCurrent, false), ct);
        if (earlierDue.Count > 0)
        {
            var due = e.DueOn;
            await db.Enrolments.Where(r => earlierDue.Contains(r.Id) && r.CompletedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, due), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
