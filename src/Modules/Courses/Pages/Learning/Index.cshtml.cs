using Training.Platform.Time;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Pages.Learning;

/// <summary>My learning: current runs with progress bars and due dates, then completions.</summary>
[Authorize(Policy = Permissions.Learn)]
public sealed class IndexModel(CoursesDbContext db, CourseCatalog catalog, TimeProvider clock) : PageModel
{
    /// <summary>Today in Vietnam, for overdue badges.</summary>
    public DateOnly Today => clock.Today();

    public sealed record Row(Enrolment Enrolment, CourseVersion Version, int Done, int Total, Guid? NextLesson);

    public List<Row> Rows { get; private set; } = [];
    public List<(Completion Completion, string Title, string Code)> Completions { get; private set; } = [];
    /// <summary>Courses to take again for a new certification cycle, with whether this cycle's completion exists.</summary>
    public List<(CycleAssignment Assignment, string Title, bool Done)> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var uid = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == uid && e.IsCurrent).ToListAsync(ct);
        var ids = enrolments.Select(e => e.Id).ToList();
        var progress = await db.Progress.AsNoTracking().Where(p => ids.Contains(p.EnrolmentId)).ToListAsync(ct);
        foreach (var e in enrolments)
        {
            var version = await catalog.GetVersionAsync(e.VersionId, ct);
            if (version is null) continue;
            var outline = await catalog.GetOutlineAsync(e.VersionId, ct);
            var done = progress.Where(p => p.EnrolmentId == e.Id).Select(p => p.LessonId).ToHashSet();
            Rows.Add(new Row(e, version, done.Count, outline.Count, e.LastLessonId is { } l && !done.Contains(l) ? l : outline.FirstOrDefault(o => !done.Contains(o.Id))?.Id));
        }
        Rows = Rows.OrderBy(r => r.Enrolment.CompletedAt is not null).ThenBy(r => r.Enrolment.DueOn ?? DateOnly.MaxValue).ToList();
        var completions = await db.Completions.AsNoTracking().Where(c => c.UserId == uid).ToListAsync(ct);
        var cycles = await db.CycleAssignments.AsNoTracking().Where(a => a.UserId == uid).ToListAsync(ct);
        foreach (var a in cycles.OrderByDescending(a => a.OpenedAt).ThenBy(a => a.CourseCode))
        {
            var title = (await catalog.FindByCodeAsync(a.CourseCode, ct))?.Title ?? a.CourseCode;
            Cycles.Add((a, title, completions.Any(c => c.CourseId == a.CourseId && c.CompletedAt >= a.OpenedAt)));
        }
        foreach (var c in completions.OrderByDescending(c => c.CompletedAt))
        {
            var v = await catalog.GetVersionAsync(c.VersionId, ct);
            Completions.Add((c, v?.Title ?? "", v?.Code ?? ""));
        }
    }
}
