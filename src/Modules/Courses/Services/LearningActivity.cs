using Training.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Citations;
using Training.Abstractions.Learning;
using Training.Courses.Data;

namespace Training.Courses.Services;

internal sealed class LearningActivity(CoursesDbContext db) : ILearningActivity
{
    public async Task<IReadOnlyList<Guid>> GetCourseIdsAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        var upper = codes.Select(c => c.ToUpperInvariant()).Distinct().ToList();
        return await db.Courses.AsNoTracking().Where(c => upper.Contains(c.Code.ToUpper())).Select(c => c.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlySet<string>> GetLearnersInProgressAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken ct = default)
    {
        var ids = courseIds.ToList();
        var users = await db.Enrolments.AsNoTracking()
            .Where(e => ids.Contains(e.CourseId) && e.IsCurrent && e.CompletedAt == null).Select(e => e.UserId).Distinct().ToListAsync(ct);
        return users.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<CourseActivity>> GetCourseActivityAsync(DateOnly from, DateOnly to, IReadOnlySet<string> learners,
        CancellationToken ct = default)
    {
        // Days are Vietnam days (UTC+7, no daylight saving), as every date the site shows.
        // (Npgsql takes only UTC offsets.)
        var start = VietnamClock.StartOf(from).ToUniversalTime();
        var end = VietnamClock.StartOf(to.AddDays(1)).ToUniversalTime();
        // The learners may be a whole province: filter them in memory rather than in a huge IN list.
        var completions = (await db.Completions.AsNoTracking().Where(c => c.CompletedAt >= start && c.CompletedAt < end)
                .Select(c => new { c.CourseId, c.UserId }).ToListAsync(ct))
            .Where(c => learners.Contains(c.UserId)).Distinct().ToList();
        var attended = (await db.Classes.AsNoTracking().Where(c => c.StartsAt >= start && c.StartsAt < end && c.AttendanceTakenAt != null)
                .Join(db.Registrations.AsNoTracking().Where(r => r.Attended), c => c.Id, r => r.ClassId, (c, r) => new { ClassId = c.Id, c.CourseId, r.UserId })
                .ToListAsync(ct))
            .Where(a => learners.Contains(a.UserId)).ToList();
        var courseIds = completions.Select(c => c.CourseId).Concat(attended.Select(a => a.CourseId)).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return courseIds.Where(courses.ContainsKey).Select(id => new CourseActivity(id, courses[id].Code, courses[id].Title,
            completions.Count(c => c.CourseId == id),
            attended.Where(a => a.CourseId == id).Select(a => a.ClassId).Distinct().Count(),
            attended.Count(a => a.CourseId == id))).ToList();
    }

    public async Task<IReadOnlyList<OverdueAssignment>> GetOverdueAssignmentsAsync(DateOnly asOf, CancellationToken ct = default)
    {
        var rows = await db.Assignments.AsNoTracking().Where(a => a.DueOn < asOf && a.ClosedAt == null)
            .Where(a => !db.Completions.Any(c => c.UserId == a.UserId && c.CourseId == a.CourseId))
            .Join(db.Courses.AsNoTracking(), a => a.CourseId, c => c.Id, (a, c) => new { a.Id, a.UserId, a.CourseId, c.Title, a.DueOn })
            .ToListAsync(ct);
        return rows.Select(r => new OverdueAssignment(r.Id, r.UserId, r.CourseId, r.Title, r.DueOn)).ToList();
    }
}

internal sealed class CitingLessonSource(CoursesDbContext db) : ICitingLessonSource
{
    public async Task<IReadOnlyList<CitingLesson>> GetLessonsCitingAsync(string articleKey, CancellationToken ct = default)
    {
        // Only the version each course currently publishes.
        var rows = await db.Citations.AsNoTracking().Where(c => c.ArticleKey == articleKey)
            .Join(db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published), c => (Guid?)c.VersionId, c => c.PublishedVersionId, (cit, course) => new { cit.LessonId, course.Title, course.Code })
            .Join(db.VersionLessons.AsNoTracking(), x => x.LessonId, l => l.Id, (x, l) => new { x.Title, x.Code, LessonTitle = l.Title, l.Id, l.Number })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Title).ThenBy(r => r.Number)
            .Select(r => new CitingLesson(r.Title, r.LessonTitle, $"/courses/{r.Code}/lessons/{r.Id}")).ToList();
    }
}
