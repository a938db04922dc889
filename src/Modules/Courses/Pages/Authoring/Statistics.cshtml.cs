using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Training.Courses.Data;
using Training.Courses.Questions;
using Training.Courses.Services;

namespace Training.Courses.Pages.Authoring;

/// <summary>Item statistics of the published version's questions, each shown once it has enough attempts
/// (<c>Courses:ItemStatistics:MinAttempts</c>, default 30), per quiz: the final quiz (<c>?quiz=0</c>, the default, every
/// question of the bank) or a section's quiz (<c>?quiz={section order}</c>, the questions assigned to it). A question
/// drawn by both is measured separately in each, against the rest of that quiz's attempt.</summary>
public sealed class StatisticsModel(AuthoringService authoring, CoursesDbContext db, IConfiguration configuration) : EditorPage(authoring, db)
{
    public const int PageSize = 50;
    public int MinAttempts { get; private set; }
    public CourseVersion? Version { get; private set; }
    public List<VersionQuestion> Shown { get; private set; } = [];
    public Dictionary<Guid, ItemStatistics> Stats { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    /// <summary>0 = the final quiz; otherwise the order of the section whose quiz is shown.</summary>
    [BindProperty(SupportsGet = true)] public int Quiz { get; set; }
    public List<(int Order, string Title)> SectionQuizzes { get; private set; } = [];
    public int Pages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        MinAttempts = Math.Max(2, configuration.GetValue("Courses:ItemStatistics:MinAttempts", 30));
        if (Course.PublishedVersionId is not { } versionId) return Page();
        Version = await Db.Versions.AsNoTracking().FirstAsync(v => v.Id == versionId, ct);
        SectionQuizzes = (await Db.VersionLessons.AsNoTracking().Where(l => l.VersionId == versionId && l.SectionQuizCount > 0)
                .Select(l => new { l.SectionOrder, l.SectionTitle }).Distinct().ToListAsync(ct))
            .OrderBy(s => s.SectionOrder).Select(s => (s.SectionOrder, s.SectionTitle)).ToList();
        if (Quiz != 0 && SectionQuizzes.All(s => s.Order != Quiz)) return NotFound();
        var questions = Db.VersionQuestions.AsNoTracking().Where(q => q.VersionId == versionId && (Quiz == 0 || q.SectionOrder == Quiz));
        var count = await questions.CountAsync(ct);
        Pages = Math.Max(1, (count + PageSize - 1) / PageSize);
        Shown = await questions.OrderBy(q => q.Number).Skip((Math.Clamp(P, 1, Pages) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var quiz = Quiz;
        var answers = Db.Attempts.AsNoTracking().Where(a => a.VersionId == versionId && a.Status == AttemptStatus.Submitted && a.Section == quiz)
            .Select(a => a.Answers).AsAsyncEnumerable();
        Stats = await ItemAnalysis.ComputeAsync(answers, ct);
        return Page();
    }
}
