using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Training.Courses.Data;
using Training.Courses.Questions;
using Training.Courses.Services;

namespace Training.Courses.Pages.Authoring;

/// <summary>Item statistics of the published version's questions, each shown once it has enough attempts
/// (<c>Courses:ItemStatistics:MinAttempts</c>, default 30).</summary>
public sealed class StatisticsModel(AuthoringService authoring, CoursesDbContext db, IConfiguration configuration) : EditorPage(authoring, db)
{
    public const int PageSize = 50;
    public int MinAttempts { get; private set; }
    public CourseVersion? Version { get; private set; }
    public List<VersionQuestion> Shown { get; private set; } = [];
    public Dictionary<Guid, ItemStatistics> Stats { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public int Pages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        MinAttempts = Math.Max(2, configuration.GetValue("Courses:ItemStatistics:MinAttempts", 30));
        if (Course.PublishedVersionId is not { } versionId) return Page();
        Version = await Db.Versions.AsNoTracking().FirstAsync(v => v.Id == versionId, ct);
        var count = await Db.VersionQuestions.CountAsync(q => q.VersionId == versionId, ct);
        Pages = Math.Max(1, (count + PageSize - 1) / PageSize);
        Shown = await Db.VersionQuestions.AsNoTracking().Where(q => q.VersionId == versionId).OrderBy(q => q.Number)
            .Skip((Math.Clamp(P, 1, Pages) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var answers = Db.Attempts.AsNoTracking().Where(a => a.VersionId == versionId && a.Status == AttemptStatus.Submitted)
            .Select(a => a.Answers).AsAsyncEnumerable();
        Stats = await ItemAnalysis.ComputeAsync(answers, ct);
        return Page();
    }
}
