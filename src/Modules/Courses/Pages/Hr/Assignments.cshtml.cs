using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Platform.Time;

namespace Training.Courses.Pages.Hr;

/// <summary>HR assigns a published course to a unit subtree, optionally only some staff categories, with a due date.
/// Only units in the HR user's scope can be chosen, and only people in that scope are assigned.</summary>
[Authorize(Policy = Permissions.Assign)]
public sealed class AssignmentsModel(CoursesDbContext db, CourseCatalog catalog, LearningService learning, IOrgDirectory directory,
    IUserScope scopes, TimeProvider clock) : PageModel
{
    public sealed record Batch(string CourseTitle, string Target, DateOnly DueOn, int People, int Completed);

    public IReadOnlyList<CatalogItem> Courses { get; private set; } = [];
    public List<OrgUnitInfo> Units { get; private set; } = [];
    public List<string> Categories { get; private set; } = [];
    public List<Batch> Batches { get; private set; } = [];
    [BindProperty] public Guid CourseId { get; set; }
    [BindProperty] public Guid UnitId { get; set; }
    [BindProperty] public List<string> StaffCategories { get; set; } = [];
    [BindProperty] public DateOnly DueOn { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        DueOn = clock.Today().AddDays(30);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var course = Courses.FirstOrDefault(c => c.CourseId == CourseId);
        var scope = await scopes.GetScopeAsync(User, ct);
        var unit = Units.FirstOrDefault(u => u.Id == UnitId);
        if (course is null || unit is null) Error = "Chọn khoá học đã xuất bản và đơn vị trong phạm vi quản lý.";
        else if (DueOn <= clock.Today()) Error = "Hạn hoàn thành phải sau hôm nay.";
        if (Error is not null) return Page();
        var categories = StaffCategories.Where(c => c.Length > 0).ToList();
        var people = (await directory.GetPeopleAsync(new PeopleQuery(unit!.Id, categories), ct))
            .Where(p => scope.All || p.UnitIds.Any(scope.UnitIds.Contains)).ToList();
        var target = unit.Name + (categories.Count > 0 ? " — " + string.Join(", ", categories) : "");
        var by = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow();
        foreach (var p in people)
        {
            db.Assignments.Add(new Assignment { Id = Guid.NewGuid(), CourseId = course!.CourseId, UserId = p.UserId, DueOn = DueOn, AssignedBy = by, AssignedAt = now, Target = target });
            await learning.EnrolAsync(p.UserId, course, EnrolmentSource.Assigned, DueOn, ct: ct);
        }
        await db.SaveChangesAsync(ct);
        Message = $"Đã giao khoá học cho {people.Count} cán bộ.";
        await LoadBatchesAsync(by, ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Courses = await catalog.GetPublishedAsync(ct);
        var scope = await scopes.GetScopeAsync(User, ct);
        Units = (await directory.GetUnitsAsync(ct)).Where(u => scope.Contains(u.Id)).ToList();
        var root = scope.All ? (Guid?)null : scope.RootUnitId;
        Categories = (await directory.GetPeopleAsync(new PeopleQuery(root), ct)).Select(p => p.StaffCategory).OfType<string>()
            .Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        await LoadBatchesAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
    }

    private async Task LoadBatchesAsync(string by, CancellationToken ct)
    {
        var rows = await db.Assignments.AsNoTracking().Where(a => a.AssignedBy == by).ToListAsync(ct);
        var completed = (await db.Completions.AsNoTracking().Select(c => new { c.UserId, c.CourseId }).ToListAsync(ct))
            .Select(c => (c.UserId, c.CourseId)).ToHashSet();
        Batches = rows.GroupBy(a => (a.CourseId, a.Target, a.DueOn))
            .Select(g => new Batch(Courses.FirstOrDefault(c => c.CourseId == g.Key.CourseId)?.Title ?? "", g.Key.Target, g.Key.DueOn, g.Count(),
                g.Count(a => completed.Contains((a.UserId, a.CourseId)))))
            .OrderByDescending(b => b.DueOn).ToList();
    }
}
