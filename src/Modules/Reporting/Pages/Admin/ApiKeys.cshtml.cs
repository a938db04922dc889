using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Platform.Text;
using Training.Reporting.Api;
using Training.Reporting.Data;

namespace Training.Reporting.Pages.Admin;

/// <summary>API keys for HR systems: create (the secret is shown once), list, revoke.</summary>
[Authorize(Policy = Permissions.ManageApiKeys)]
public sealed class ApiKeysModel(ReportingDbContext db, ApiKeyService keys, IUnitSearch units) : PageModel
{
    public List<ApiKey> Keys { get; private set; } = [];
    public UnitPickerField Picker { get; private set; } = null!;

    [BindProperty, Required(ErrorMessage = "Hệ thống sử dụng: cần nhập tên hệ thống sử dụng khóa."),
     StringLength(TextLimits.Name, ErrorMessage = "Hệ thống sử dụng: tối đa {1} ký tự.")]
    public string Name { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Chọn đơn vị.")]
    public Guid? UnitId { get; set; }

    /// <summary>The unit picker's search box (<see cref="UnitPickerField.QueryName"/> of <see cref="UnitId"/>).</summary>
    [BindProperty(Name = "UnitId_q")] public string? UnitQuery { get; set; }

    /// <summary>The new key's secret, shown only in the response to its creation.</summary>
    public string? Secret { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (Request.IsUnitSearch())
        {
            // The no-script unit search: show matches, create nothing.
            ModelState.Clear();
            await LoadAsync(ct);
            return Page();
        }
        var unit = UnitId is { } unitId ? await units.FindAsync(User, unitId, ct) : null;
        if (unit is null && ModelState.GetFieldValidationState(nameof(UnitId)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError(nameof(UnitId), "Chọn đơn vị.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var (_, secret) = await keys.CreateAsync(VietnameseText.Clean(Name), unit!.Id, unit.Name, User.Identity?.Name ?? User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
        Secret = secret;
        Name = "";
        UnitId = null;
        UnitQuery = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Message = await keys.RevokeAsync(id, ct) ? "Đã thu hồi khóa." : null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var error = ModelState[nameof(UnitId)]?.Errors.FirstOrDefault()?.ErrorMessage;
        Picker = await units.PickerAsync(User, nameof(UnitId), nameof(UnitId), UnitId, UnitQuery, Request.IsUnitSearch(), error: error, ct: ct);
        // SQLite cannot order by DateTimeOffset; keys are few.
        Keys = (await db.ApiKeys.AsNoTracking().ToListAsync(ct)).OrderByDescending(k => k.CreatedAt).ToList();
    }
}
