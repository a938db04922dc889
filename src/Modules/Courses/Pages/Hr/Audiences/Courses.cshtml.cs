using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Audiences;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Courses.Audiences;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Pages.Hr.Audiences;

/// <summary>The courses attached to one audience of the HR user's scope; attaching a course (or every course of a
/// programme) assigns the current members at once and every later member through the membership events.</summary>
[Authorize(Policy = Permissions.Assign)]
public sealed class AudienceCoursesModel(CoursesDbContext db, CourseCatalog catalog, IAudienceDirectory audiences, IUserScope scopes,
    AudienceLinks links, IServiceProvider services) : PageModel
{
    public const int MaxDays = 3650;

    public AudienceInfo Audience { get; private set; } = null!;
    public IReadOnlyList<CatalogItem> Published { get; private set; } = [];
    public IReadOnlyList<ProgrammeInfo> Programmes { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    [BindProperty] public Guid? CourseId { get; set; }
    [BindProperty] public Guid? ProgrammeId { get; set; }
    [BindProperty] public DueFrom DueFrom { get; set; } = DueFrom.Joining;
    [BindProperty] public int DueDays { get; set; } = 60;
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public sealed record Row(string Code, string Title, DueFrom DueFrom, int DueDays, int Open, int Closed);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var courseIds = ProgrammeId is { } p && Programmes.FirstOrDefault(x => x.Id == p) is { } programme
            ? Published.Where(x => programme.CourseCodes.Contains(x.Code, StringComparer.OrdinalIgnoreCase)).Select(x => x.CourseId).ToList()
            : CourseId is { } c && Published.Any(x => x.CourseId == c) ? [c] : null;
        if (courseIds is null || courseIds.Count == 0) Error = "Khóa học: chọn một khóa học đã xuất bản hoặc một chương trình có khóa học đã xuất bản.";
        else if (DueDays is < 1 or > MaxDays) Error = $"Số ngày: từ 1 đến {MaxDays}.";
        else if (!Enum.IsDefined(DueFrom)) Error = "Tính hạn từ: chọn ngày bắt đầu của nhóm hoặc ngày vào làm.";
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var by = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var assigned = 0;
        foreach (var courseId in courseIds!) assigned += (await links.AttachAsync(Audience, courseId, DueFrom, DueDays, by, ct)).Assigned;
        await LoadAsync(id, ct);
        Message = $"Đã gắn {courseIds.Count} khóa học; giao mới cho {assigned} lượt người.";
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await scopes.GetScopeAsync(User, ct);
        var audience = (await audiences.GetAudiencesAsync(scope, ct)).FirstOrDefault(a => a.Id == id);
        if (audience is null) return false;
        Audience = audience;
        Published = await catalog.GetPublishedAsync(ct);
        Programmes = services.GetService<ICertificateLedger>() is { } ledger ? await ledger.GetProgrammesAsync(ct) : [];
        var attached = await db.AudienceCourses.AsNoTracking().Where(l => l.AudienceId == id).ToListAsync(ct);
        var counts = await db.Assignments.AsNoTracking().Where(a => a.AudienceId == id).GroupBy(a => new { a.CourseId, Open = a.ClosedAt == null })
            .Select(g => new { g.Key.CourseId, g.Key.Open, Count = g.Count() }).ToListAsync(ct);
        Rows = attached.Select(l =>
        {
            var course = Published.FirstOrDefault(c => c.CourseId == l.CourseId);
            return new Row(course?.Code ?? "—", course?.Title ?? "(khóa học chưa xuất bản)", l.DueFrom, l.DueDays,
                counts.Where(x => x.CourseId == l.CourseId && x.Open).Sum(x => x.Count), counts.Where(x => x.CourseId == l.CourseId && !x.Open).Sum(x => x.Count));
        }).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        return true;
    }
}
