using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Platform.Text;
using Training.Platform.Time;
using Training.Reporting.Heads;

namespace Training.Reporting.Pages.Heads;

/// <summary>"Đơn vị của tôi": the people of the subtrees the signed-in user heads, and reminders to them. The permission
/// says the user headed a unit at sign-in; the headship is checked again here, so a head who lost it sees nothing.</summary>
[Authorize(Policy = UnitHeadPermission.Name)]
public sealed class MyUnitsModel(IUnitHeadDirectory heads, IOrgDirectory directory, TeamQuery team, HeadReminders reminders, TimeProvider clock)
    : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public TeamStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public List<OrgUnitInfo> Units { get; private set; } = [];
    public List<OrgUnitInfo> Headed { get; private set; } = [];
    public List<TeamRow> Rows { get; private set; } = [];
    public Dictionary<TeamStatus, int> Counts { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = await LoadAsync(ct);
        if (all is null) return Forbid();
        if (Unit is { } u && Units.All(x => x.Id != u)) return NotFound();
        var q = VietnameseText.Clean(Q);
        if (q.Length > TextLimits.Line)
        {
            Error = $"Tên hoặc mã cán bộ: tối đa {TextLimits.Line} ký tự.";
            Q = q = "";
        }
        var rows = all.AsEnumerable();
        if (Unit is { } unit)
        {
            var subtree = await directory.GetSubtreeAsync(unit, ct);
            rows = rows.Where(r => r.Person.UnitIds.Any(subtree.Contains));
        }
        if (q.Length > 0)
        {
            var folded = VietnameseText.Fold(q);
            rows = rows.Where(r => VietnameseText.Fold(r.Person.FullName).Contains(folded, StringComparison.Ordinal)
                || VietnameseText.Fold(r.Person.StaffCode).Contains(folded, StringComparison.Ordinal));
        }
        var list = rows.ToList();
        Counts = Enum.GetValues<TeamStatus>().ToDictionary(s => s, s => list.Count(r => TeamStatusText.Matches(r, s)));
        if (Status is { } status) list = list.Where(r => TeamStatusText.Matches(r, status)).ToList();
        Total = list.Count;
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        P = Math.Clamp(P, 1, Pages);
        Rows = list.Skip((P - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(string person, CancellationToken ct)
    {
        var all = await LoadAsync(ct);
        if (all is null) return Forbid();
        // Someone outside the head's subtrees is not found, whatever exists elsewhere.
        if (all.FirstOrDefault(r => r.Person.UserId == person) is not { } row) return NotFound();
        var outcome = await reminders.SendAsync(await HeadNameAsync(ct), [row], Today, ct);
        Done = outcome.Sent > 0 ? $"Đã gửi nhắc việc cho {row.Person.FullName}."
            : $"{row.Person.FullName} đã được nhắc hôm nay; mỗi người được nhắc tối đa một lần mỗi ngày.";
        return RedirectToPage(new { Unit, Status, Q, P });
    }

    public async Task<IActionResult> OnPostRemindOverdueAsync(CancellationToken ct)
    {
        var all = await LoadAsync(ct);
        if (all is null) return Forbid();
        var overdue = all.Where(r => r.Overdue > 0).ToList();
        var outcome = await reminders.SendAsync(await HeadNameAsync(ct), overdue, Today, ct);
        Done = $"Đã gửi nhắc việc cho {outcome.Sent} người quá hạn; {outcome.AlreadyToday} người đã được nhắc hôm nay.";
        return RedirectToPage(new { Unit, Status, Q, P });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<string> HeadNameAsync(CancellationToken ct) => (await directory.GetPersonAsync(UserId, ct))?.FullName ?? "";

    /// <summary>The people of the headed subtrees; null when the user heads no unit now.</summary>
    private async Task<List<TeamRow>?> LoadAsync(CancellationToken ct)
    {
        var headed = await heads.UnitsHeadedByAsync(UserId, ct);
        if (headed.Count == 0) return null;
        Today = clock.Today();
        var units = await directory.GetUnitsAsync(ct);
        var visible = new HashSet<Guid>();
        foreach (var root in headed) visible.UnionWith(await directory.GetSubtreeAsync(root, ct));
        Units = units.Where(u => visible.Contains(u.Id)).ToList();
        Headed = units.Where(u => headed.Contains(u.Id)).ToList();
        return await team.PeopleAsync(headed, Today, ct);
    }
}
