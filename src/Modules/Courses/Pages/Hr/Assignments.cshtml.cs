using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Platform.Time;

namespace Training.Courses.Pages.Hr;

/// <summary>HR assigns a published course to a unit subtree, optionally only some staff categories, with a due date.
/// Only units in the HR user's scope can be chosen, and only people in that scope are assigned.</summary>
[Authorize(Policy = Permissions.Assign)]
public sealed class AssignmentsModel(CoursesDbContext db, CourseCatalog catalog, AssignmentService assignments, IOrgDirectory directory,
    IUserScope scopes, IMemoryCache cache, TimeProvider clock, IUnitSearch unitSearch) : PageModel
{
    public sealed record Batch(Guid CourseId, string Target, DateOnly DueOn, int People, int Completed);

    public const int PageSize = 20;

    public IReadOnlyList<CatalogItem> Courses { get; private set; } = [];
    public UnitPickerField Picker { get; private set; } = null!;
    public List<string> Categories { get; private set; } = [];
    public List<Batch> Batches { get; private set; } = [];
    public int BatchCount { get; private set; }
    [BindProperty] public Guid CourseId { get; set; }
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty(Name = "UnitId_q")] public string? UnitQuery { get; set; }
    [BindProperty] public List<string> StaffCategories { get; set; } = [];
    [BindProperty] public DateOnly DueOn { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public AssignmentOutcome? Outcome { get; private set; }
    public string? Error { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        DueOn = Today.AddDays(30);
        // The HR user's own unit subtree is the usual target (the former unit list also opened on it).
        var scope = await scopes.GetScopeAsync(User, ct);
        if (!scope.All) UnitId = scope.RootUnitId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Request.IsUnitSearch()) return Page(); // the no-script unit search: show matches, assign nothing
        var course = Courses.FirstOrDefault(c => c.CourseId == CourseId);
        // The picker already looked the posted unit up within the user's scope.
        var unit = Picker.Selected is { } u ? new OrgUnitInfo(u.Id, null, u.Code, u.Name, "", 0) : null;
        var categories = StaffCategories.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        var target = unit is null ? "" : unit.Name + (categories.Count > 0 ? " — " + string.Join(", ", categories) : "");
        if (course is null || unit is null) Error = "Chọn khóa học đã xuất bản và đơn vị trong phạm vi quản lý.";
        else if (DueOn <= Today) Error = "Hạn hoàn thành phải sau hôm nay.";
        else if (categories.FirstOrDefault(c => !Categories.Contains(c)) is { } unknown)
            Error = $"Đối tượng «{(unknown.Length > 60 ? unknown[..60] + "…" : unknown)}» không có trong danh sách.";
        else if (target.Length > TextLimits.Paragraph) Error = FieldErrors.TooLong("Đối tượng", target.Length, TextLimits.Paragraph);
        if (Error is not null)
        {
            if (unit is null) Picker = Picker with { Error = "Đơn vị: chọn một đơn vị trong phạm vi quản lý." };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var scope = await scopes.GetScopeAsync(User, ct);
        Outcome = await assignments.AssignAsync(new AssignmentRequest(course!, unit!, categories, DueOn, UserId, target), scope, ct);
        await LoadBatchesAsync(ct);
        return Page();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task LoadAsync(CancellationToken ct)
    {
        Courses = await catalog.GetPublishedAsync(ct);
        var scope = await scopes.GetScopeAsync(User, ct);
        Picker = await unitSearch.PickerAsync(User, "UnitId", "unit", UnitId, UnitQuery, Request.IsUnitSearch(), ct: ct);
        var root = scope.All ? (Guid?)null : scope.RootUnitId;
        // The checkbox list needs every staff category in scope, which takes loading every person in scope (40,000 in a
        // province); categories change with roster imports only, so five minutes of staleness is acceptable.
        Categories = await cache.GetOrCreateAsync($"courses:categories:{root}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            entry.Size = 100;
            return (await directory.GetPeopleAsync(new PeopleQuery(root), ct)).Select(p => p.StaffCategory).OfType<string>()
                .Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        }) ?? [];
        await LoadBatchesAsync(ct);
    }

    /// <summary>This user's batches, newest due date first, counted in SQL (a batch can hold tens of thousands of people).</summary>
    private async Task LoadBatchesAsync(CancellationToken ct)
    {
        var by = UserId;
        var groups = db.Assignments.AsNoTracking().Where(a => a.AssignedBy == by).GroupBy(a => new { a.CourseId, a.Target, a.DueOn });
        BatchCount = await groups.CountAsync(ct);
        P = Math.Clamp(P, 1, Math.Max(1, (BatchCount + PageSize - 1) / PageSize));
        Batches = (await groups
                .Select(g => new
                {
                    g.Key.CourseId, g.Key.Target, g.Key.DueOn, People = g.Count(),
                    Completed = g.Count(a => db.Completions.Any(c => c.UserId == a.UserId && c.CourseId == a.CourseId)),
                })
                .OrderByDescending(g => g.DueOn).ThenBy(g => g.Target).Skip((P - 1) * PageSize).Take(PageSize).ToListAsync(ct))
            .Select(g => new Batch(g.CourseId, g.Target, g.DueOn, g.People, g.Completed)).ToList();
    }

    public string CourseTitle(Guid courseId) => Courses.FirstOrDefault(c => c.CourseId == courseId)?.Title ?? "";
}
