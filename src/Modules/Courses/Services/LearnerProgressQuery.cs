using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Learning;
using Training.Courses.Data;

namespace Training.Courses.Services;

/// <summary>Counts each person's open assignments (one closed because the person left its audience no longer counts): done (a completion of the course), in progress (a current enrolment not
/// completed), overdue (due before the day, not done). Queried in chunks of people so no IN list grows past SQLite's limit.</summary>
internal sealed class LearnerProgressQuery(CoursesDbContext db) : ILearnerProgress
{
    private const int Chunk = 1000;

    public async Task<IReadOnlyDictionary<string, LearnerProgress>> GetProgressAsync(IReadOnlyCollection<string> userIds, DateOnly asOf,
        CancellationToken ct = default)
    {
        var result = new Dictionary<string, LearnerProgress>(StringComparer.Ordinal);
        foreach (var chunk in userIds.Distinct().Chunk(Chunk))
        {
            var ids = chunk.ToList();
            var assignments = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.UserId) && a.ClosedAt == null)
                .Select(a => new { a.UserId, a.CourseId, a.DueOn }).ToListAsync(ct);
            if (assignments.Count == 0) continue;
            var done = (await db.Completions.AsNoTracking().Where(c => ids.Contains(c.UserId))
                .Select(c => new { c.UserId, c.CourseId }).Distinct().ToListAsync(ct)).Select(c => (c.UserId, c.CourseId)).ToHashSet();
            var started = (await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.UserId) && e.IsCurrent && e.CompletedAt == null)
                .Select(e => new { e.UserId, e.CourseId }).ToListAsync(ct)).Select(e => (e.UserId, e.CourseId)).ToHashSet();
            foreach (var person in assignments.GroupBy(a => a.UserId))
            {
                // One course assigned twice counts once, with its earliest due date.
                var courses = person.GroupBy(a => a.CourseId).Select(g => (Course: g.Key, DueOn: g.Min(a => a.DueOn))).ToList();
                var open = courses.Where(c => !done.Contains((person.Key, c.Course))).ToList();
                var overdue = open.Where(c => c.DueOn < asOf).ToList();
                result[person.Key] = new LearnerProgress(courses.Count, courses.Count - open.Count,
                    open.Count(c => started.Contains((person.Key, c.Course))), overdue.Count,
                    overdue.Count == 0 ? null : overdue.Min(c => c.DueOn));
            }
        }
        return result;
    }
}
