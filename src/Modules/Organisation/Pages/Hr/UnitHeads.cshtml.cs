using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;
using Training.Organisation.Heads;

namespace Training.Organisation.Pages.Hr;

/// <summary>Who heads the units of the scope (by position or by assignment), explicit assignments made and ended here,
/// and their history (never deleted).</summary>
[Authorize(Policy = Permissions.AssignUnitHeads)]
public sealed class UnitHeadsModel(OrganisationDbContext db, IUserScope scopes, IUnitHeadDirectory heads, UnitHeadAssignments assignments, IUnitSearch unitSearch) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int H { get; set; } = 1;
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty(Name = "UnitId_q")] public string? UnitQuery { get; set; }
    [BindProperty] public string? StaffCode { get; set; }

    public UnitPickerField Picker { get; private set; } = null!;
    public List<HeadRow> Heads { get; private set; } = [];
    public List<HistoryRow> History { get; private set; } = [];
    public int Pages { get; private set; }
    public int HistoryPages { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    public sealed record HeadRow(string UnitName, string StaffCode, string FullName, string? Position, Guid? AssignmentId);
    public sealed record HistoryRow(string UnitName, string StaffCode, string FullName, string AssignedBy, DateTimeOffset AssignedAt, string? EndedBy, DateTimeOffset? EndedAt);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (Request.IsUnitSearch())
        {
            await LoadAsync(ct, searching: true);
            return Page();
        }
        var scope = await scopes.GetScopeAsync(User, ct);
        Error = await assignments.AssignAsync(scope, Actor, UnitId ?? Guid.Empty, StaffCode, ct);
        if (Error is not null)
        {
            await LoadAsync(ct, unitError: Error.StartsWith("Đơn vị:", StringComparison.Ordinal) ? Error : null);
            return Page();
        }
        Done = "Đã chỉ định trưởng đơn vị.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var scope = await scopes.GetScopeAsync(User, ct);
        if (!await assignments.EndAsync(scope, Actor, id, ct)) return NotFound();
        Done = "Đã thôi chỉ định trưởng đơn vị.";
        return RedirectToPage();
    }

    private string Actor => User.FindFirstValue(ClaimTypes.Name) ?? "";

    private async Task LoadAsync(CancellationToken ct, bool searching = false, string? unitError = null)
    {
        var scope = await scopes.GetScopeAsync(User, ct);
        Picker = await unitSearch.PickerAsync(User, "UnitId", "unit", UnitId, UnitQuery, searching, error: unitError, ct: ct);

        var all = (await heads.GetAllHeadsAsync(ct)).Where(h => scope.Contains(h.UnitId)).ToList();
        var explicitRows = await db.UnitHeads.AsNoTracking().Where(h => h.EndedAt == null).Select(h => new { h.Id, h.UnitId, h.UserId }).ToListAsync(ct);
        Pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        P = Math.Clamp(P, 1, Pages);
        var page = all.Skip((P - 1) * PageSize).Take(PageSize).ToList();
        var ids = page.Select(h => h.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        Heads = page.Where(h => people.ContainsKey(h.UserId)).Select(h => new HeadRow(h.UnitName, people[h.UserId].StaffCode,
            people[h.UserId].FullName, people[h.UserId].Position,
            explicitRows.FirstOrDefault(e => e.UnitId == h.UnitId && e.UserId == h.UserId)?.Id)).ToList();

        var history = db.UnitHeads.AsNoTracking().AsQueryable();
        if (!scope.All) history = history.Where(h => scope.UnitIds.Contains(h.UnitId));
        var total = await history.CountAsync(ct);
        HistoryPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        H = Math.Clamp(H, 1, HistoryPages);
        History = await history.OrderByDescending(h => h.AssignedAt).ThenBy(h => h.Id).Skip((H - 1) * PageSize).Take(PageSize)
            .Join(db.Users, h => h.UserId, u => u.Id, (h, u) => new { h, u.StaffCode, u.FullName })
            .Join(db.Units, x => x.h.UnitId, u => u.Id, (x, u) => new HistoryRow(u.Name, x.StaffCode, x.FullName, x.h.AssignedBy, x.h.AssignedAt, x.h.EndedBy, x.h.EndedAt))
            .ToListAsync(ct);
    }
}
