using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Platform.Time;

namespace Training.Certification.Pages.Hr;

/// <summary>One certificate in the HR user's scope: its history, revocation and reissue (each with a reason).</summary>
[Authorize(Policy = Permissions.ViewCertificates)]
public sealed class CertificateModel(CertificationDbContext db, IUserScope scopes, CertificateActions actions, TimeProvider clock) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;
    public List<AuditEntry> History { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>The holder's cycles in this certificate's programme.</summary>
    public List<Cycles.CycleLine> Cycles { get; private set; } = [];
    public bool CanManage => User.HasClaim(PermissionClaim.Type, Permissions.ManageCertificates);
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? reason, CancellationToken ct) =>
        await ActAsync(id, async () => await actions.RevokeAsync(id, reason ?? "", Actor, ct), "Đã thu hồi chứng chỉ.", ct);

    public async Task<IActionResult> OnPostReissueAsync(Guid id, string? reason, CancellationToken ct)
    {
        Certificate? replacement = null;
        var result = await ActAsync(id, async () =>
        {
            (replacement, var error) = await actions.ReissueAsync(id, reason ?? "", Actor, ct);
            return error;
        }, "Đã cấp lại chứng chỉ; chứng chỉ cũ chuyển sang trạng thái đã thay thế.", ct);
        return replacement is null ? result : RedirectToPage(new { id = replacement.Id });
    }

    private string Actor => User.FindFirstValue(ClaimTypes.Name) ?? User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "hr";

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string?>> action, string success, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        Error = await action();
        if (Error is not null)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        Message = success;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null) return false;
        var scope = await scopes.GetScopeAsync(User, ct);
        if (!scope.Contains(certificate.HolderUnitId)) return false;
        Certificate = certificate;
        Today = clock.Today();
        History = (await db.Audit.AsNoTracking().Where(a => a.CertificateId == id).ToListAsync(ct)).OrderBy(a => a.Id).ToList();
        Cycles = await Training.Certification.Cycles.CycleHistory.OfAsync(db, certificate.UserId, certificate.ProgrammeId, ct);
        return true;
    }
}
