using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Audiences;
using Training.Courses.Data;
using Training.Platform.Time;

namespace Training.Courses.Audiences;

/// <summary>A person's assignments, open and closed, with their source and status.</summary>
internal sealed class PersonAssignmentsQuery(CoursesDbContext db, TimeProvider clock) : IPersonAssignments
{
    public async Task<IReadOnlyList<PersonAssignment>> GetAssignmentsAsync(string userId, CancellationToken ct = default)
    {
        var today = clock.Today();
        var rows = await (from a in db.Assignments.AsNoTracking()
                          join c in db.Courses.AsNoTracking() on a.CourseId equals c.Id
                          where a.UserId == userId
                          orderby a.AssignedAt
                          select new
                          {
                              a, c.Code, c.Title,
                              Done = db.Completions.Any(x => x.UserId == a.UserId && x.CourseId == a.CourseId),
                              Started = db.Enrolments.Any(e => e.UserId == a.UserId && e.CourseId == a.CourseId && e.IsCurrent && e.LastLessonId != null),
                          }).ToListAsync(ct);
        return rows.Select(r => new PersonAssignment(r.a.CourseId, r.Code, r.Title, r.a.DueOn, r.a.AssignedAt,
            r.a.AudienceId is null ? "manual" : "audience", r.a.AudienceId, r.a.Target,
            r.a.ClosedAt is not null ? "closed" : r.Done ? "completed" : r.a.DueOn < today ? "overdue" : r.Started ? "in_progress" : "assigned",
            r.a.ClosedAt, r.a.ClosedReason)).ToList();
    }
}
