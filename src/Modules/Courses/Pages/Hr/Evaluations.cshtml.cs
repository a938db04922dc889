using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Courses.Data;
using Training.Courses.Evaluation;

namespace Training.Courses.Pages.Hr;

/// <summary>HR's view of course evaluations: the courses with a survey (paged), and one course's results counted
/// over the sheets of learners in the HR user's unit scope only.</summary>
[Authorize(Policy = Permissions.ViewEvaluations)]
public sealed class EvaluationsModel(CoursesDbContext db, EvaluationResults results, IUserScope scopes) : PageModel
{
    public const int PageSize = 50;
    public List<(string Code, string Title)> Courses { get; private set; } = [];
    public (Guid Id, string Code, string Title)? Course { get; private set; }
    public EvaluationSummary? Summary { get; private set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (code is null)
        {
            var list = await db.Courses.AsNoTracking()
                .Where(c => db.EvaluationItems.Any(i => i.CourseId == c.Id))
                .OrderBy(c => c.Code).Skip((Math.Max(1, P) - 1) * PageSize).Take(PageSize + 1)
                .Select(c => new { c.Code, c.Title }).ToListAsync(ct);
            HasMore = list.Count > PageSize;
            Courses = list.Take(PageSize).Select(c => (c.Code, c.Title)).ToList();
            return Page();
        }
        if (!await LoadAsync(code, ct)) return NotFound();
        Summary = await results.SummariseAsync(Course!.Value.Id, await scopes.GetScopeAsync(User, ct), P, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? code, string? format, CancellationToken ct)
    {
        if (code is null || !await LoadAsync(code, ct)) return NotFound();
        var scope = await scopes.GetScopeAsync(User, ct);
        return await EvaluationExport.WriteAsync(Response, results, Course!.Value.Id, Course.Value.Code, scope, format, ct)
            ? new EmptyResult()
            : BadRequest("Chưa đủ 5 phiếu trả lời để xuất kết quả.");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var c = await db.Courses.AsNoTracking().Where(x => x.Code == code).Select(x => new { x.Id, x.Code, x.Title }).FirstOrDefaultAsync(ct);
        if (c is null) return false;
        Course = (c.Id, c.Code, c.Title);
        return true;
    }
}
