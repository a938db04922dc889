using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Abstractions.Text;
using Training.Organisation.Data;
using Training.Organisation.Roster;
using Training.Platform.Text;

namespace Training.Organisation.Pages.Admin;

/// <summary>An administrator corrects a person's roster facts (primary unit, position, staff category, active) by hand.
/// The change is written in one SaveChanges, then the roster listeners are told (source <c>admin</c>), so the person's
/// audiences are evaluated at once: a move to another unit assigns that unit's audiences' courses.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class PersonModel(OrganisationDbContext db, RosterChangeNotifier roster, IUnitSearch units) : PageModel
{
    public TrainingUser? Person { get; private set; }
    public UnitPickerField Picker { get; private set; } = null!;
    public UnitPickerField ScopePicker { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public bool Saved { get; private set; }

    [BindProperty] public Guid? PrimaryUnitId { get; set; }
    [BindProperty(Name = "PrimaryUnitId_q")] public string? UnitQuery { get; set; }
    [BindProperty] public Guid? ScopeUnitId { get; set; }
    [BindProperty(Name = "ScopeUnitId_q")] public string? ScopeQuery { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? StaffCategory { get; set; }
    [BindProperty] public bool IsActive { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (PrimaryUnitId, ScopeUnitId, Position, StaffCategory, IsActive, Saved) = (Person!.PrimaryUnitId, Person.ScopeUnitId, Person.Position, Person.StaffCategory, Person.IsActive, saved);
        await PickerAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, track: true)) return NotFound();
        if (Request.IsUnitSearch())
        {
            // The no-script "Tìm đơn vị": show the matches, save nothing, keep what was typed.
            await PickerAsync(null, ct);
            return Page();
        }
        var position = Clean(Position, "Chức vụ");
        var category = Clean(StaffCategory, "Loại cán bộ");
        var unit = PrimaryUnitId is { } unitId ? await units.FindAsync(User, unitId, ct) : null;
        const string unitError = "Đơn vị chính: chọn một đơn vị có trong danh sách.";
        const string scopeError = "Phạm vi quản lý: chọn một đơn vị có trong danh sách hoặc để trống.";
        if (unit is null) Errors.Add(unitError);
        var scopeOk = ScopeUnitId is not { } scopeId || await units.FindAsync(User, scopeId, ct) is not null;
        if (!scopeOk) Errors.Add(scopeError);
        if (Errors.Count > 0)
        {
            await PickerAsync(unit is null ? unitError : null, ct, scopeOk ? null : scopeError);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var person = Person!;
        var memberships = await db.Memberships.Where(m => m.UserId == id).ToListAsync(ct);
        var primary = PrimaryUnitId!.Value;
        // A move: the old primary unit is left, other (concurrent) memberships stay as they are.
        foreach (var m in memberships.Where(m => m.IsPrimary && m.UnitId != primary)) db.Memberships.Remove(m);
        if (memberships.FirstOrDefault(m => m.UnitId == primary) is { } kept) kept.IsPrimary = true;
        else db.Memberships.Add(new UnitMembership { UserId = id, UnitId = primary, IsPrimary = true });
        (person.PrimaryUnitId, person.Position, person.StaffCategory, person.IsActive) = (primary, position, category, IsActive);
        person.ScopeUnitId = ScopeUnitId;
        person.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
        await roster.NotifyAsync([id], "admin", ct);
        return RedirectToPage(new { id, saved = true });
    }

    private string? Clean(string? value, string field)
    {
        var text = VietnameseText.Clean(value);
        if (text.Length > TextLimits.Name) Errors.Add($"{field}: dài {text.Length} ký tự, vượt giới hạn {TextLimits.Name} ký tự.");
        return text.Length == 0 ? null : text;
    }

    /// <summary>Loads the person; tracked on a post, where the same row is then updated (one read, not two).</summary>
    private async Task<bool> LoadAsync(string id, CancellationToken ct, bool track = false)
    {
        if (id.Length > 450) return false;
        Person = await (track ? db.Users : db.Users.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == id, ct);
        return Person is not null;
    }

    private async Task PickerAsync(string? error, CancellationToken ct, string? scopeError = null)
    {
        Picker = await units.PickerAsync(User, "PrimaryUnitId", "unit", PrimaryUnitId, UnitQuery, Request.IsUnitSearch("PrimaryUnitId"), error: error, ct: ct);
        ScopePicker = await units.PickerAsync(User, "ScopeUnitId", "scope", ScopeUnitId, ScopeQuery, Request.IsUnitSearch("ScopeUnitId"),
            required: false, error: scopeError, ct: ct);
    }
}
