using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Organisation.Data;
using Training.Platform.Text;

namespace Training.Organisation.Pages.Hr;

/// <summary>Staff of the units in the HR user's scope; people outside it are never listed.</summary>
[Authorize(Policy = Permissions.ViewStaff)]
public sealed class StaffModel(OrganisationDbContext db, IUserScope scopes, IUnitSearch unitSearch) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "unit_q")] public string? UnitQuery { get; set; }

    public UnitPickerField Picker { get; private set; } = null!;
    public List<Row> People { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public string? Error { get; private set; }

    public sealed record Row(string StaffCode, string FullName, string? UnitName, string? Position, string? StaffCategory);

    public async Task OnGetAsync()
    {
        var scope = await scopes.GetScopeAsync(User);
        Picker = await unitSearch.PickerAsync(User, "unit", "unit", Unit, UnitQuery, Request.IsUnitSearch(), required: false);
        // Only the ids of the units listed: the scope's, or the selected unit's subtree within it.
        var units = db.Units.AsNoTracking();
        if (!scope.All) units = units.Where(u => scope.UnitIds.Contains(u.Id));
        if (Unit is { } selected && await units.Where(u => u.Id == selected).Select(u => u.Path).FirstOrDefaultAsync() is { } path)
            units = units.Where(u => u.Path.StartsWith(path));
        // A subquery, not a list sent back: with the whole tree in scope it would be every unit's id, twice.
        var visible = units.Select(u => u.Id);

        var people = db.Users.AsNoTracking().Where(u => db.Memberships.Any(m => m.UserId == u.Id && visible.Contains(m.UnitId)));
        // Names are stored NFC; a query typed or pasted in NFD (macOS, some Vietnamese keyboards) must match them too.
        var q = VietnameseText.Clean(Q);
        if (q.Length > TextLimits.Line)
        {
            Error = $"Từ khóa tìm kiếm dài {q.Length} ký tự, tối đa {TextLimits.Line}.";
            q = "";
        }
        if (q.Length > 0)
        {
            people = people.Where(u => u.FullName.Contains(q) || u.StaffCode.Contains(q) || (u.Email != null && u.Email.Contains(q)));
        }
        Total = await people.CountAsync();
        Pages = (Total + PageSize - 1) / PageSize;
        P = Math.Clamp(P, 1, Math.Max(1, Pages));
        People = await people.OrderBy(u => u.StaffCode).ThenBy(u => u.Id).Skip((P - 1) * PageSize).Take(PageSize)
            .Select(u => new Row(u.StaffCode, u.FullName, db.Units.Where(x => x.Id == u.PrimaryUnitId).Select(x => x.Name).FirstOrDefault(), u.Position, u.StaffCategory))
            .ToListAsync();
    }
}
