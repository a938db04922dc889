using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Audiences;
using Training.Courses.Data;
using Training.Platform.Time;

namespace Training.Courses.Audiences;

/// <summary>Per audience: its open assignments and what became of them.</summary>
internal sealed class AudienceProgressQuery(CoursesDbContext db, TimeProvider clock) : IAudienceProgress
{
    public async Task<IReadOnlyDictionary<Guid, AudienceProgress>> GetProgressAsync(IReadOnlyCollection<Guid> audienceIds, CancellationToken ct = default)
    {
        if (audienceIds.Count == 0) return new Dictionary<Guid, AudienceProgress>();
        var ids = audienceIds.ToList();
        var today = clock.Today();
        // Flags per open assignment computed in SQL, summed here (a grouped count over correlated subqueries is not
        // translated the same way by both providers).
        var flags = from a in db.Assignments.AsNoTracking()
                    where a.AudienceId != null && ids.Contains(a.AudienceId.Value) && a.ClosedAt == null
                    select new
                    {
                        Audience = a.AudienceId!.Value,
                        Done = db.Completions.Any(c => c.UserId == a.UserId && c.CourseId == a.CourseId),
                        Started = db.Enrolments.Any(e => e.UserId == a.UserId && e.CourseId == a.CourseId && e.IsCurrent && e.LastLessonId != null),
                        Late = a.DueOn < today,
                    };
        var sums = new Dictionary<Guid, int[]>();
        await foreach (var f in flags.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!sums.TryGetValue(f.Audience, out var s)) sums[f.Audience] = s = new int[4];
            s[0]++;
            if (f.Done) s[3]++;
            else
            {
                if (f.Started) s[1]++;
                if (f.Late) s[2]++;
            }
        }
        var courses = await db.AudienceCourses.AsNoTracking().Where(l => ids.Contains(l.AudienceId)).GroupBy(l => l.AudienceId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var result = new Dictionary<Guid, AudienceProgress>();
        foreach (var id in ids)
        {
            var s = sums.GetValueOrDefault(id) ?? new int[4];
            var c = courses.GetValueOrDefault(id);
            if (s[0] == 0 && c == 0) continue;
            result[id] = new AudienceProgress(c, s[0], s[1], s[2], s[3]);
        }
        return result;
    }
}
