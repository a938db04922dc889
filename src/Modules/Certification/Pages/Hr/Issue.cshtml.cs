using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Certification.Data;
using Training.Certification.Issuance;

namespace Training.Certification.Pages.Hr;

/// <summary>Manual issuance by HR to a person in scope, with a reason (e.g. training completed in class).</summary>
[Authorize(Policy = Permissions.ManageCertificates)]
public sealed class IssueModel(CertificationDbContext db, IUserScope scopes, IOrgDirectory directory, CertificateActions actions) : PageModel
{
    [BindProperty] public Guid ProgrammeId { get; set; }
    [BindProperty] public string? StaffCode { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public List<Programme> Programmes { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await ProgrammesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Programmes = await ProgrammesAsync(ct);
        if (FieldLimits.Check(("Mã cán bộ", StaffCode, TextLimits.Code), ("Lý do", Reason, TextLimits.Line)) is { } tooLong)
        {
            Error = tooLong;
            return Page();
        }
        var scope = await scopes.GetScopeAsync(User, ct);
        var people = await directory.GetPeopleAsync(new PeopleQuery(scope.All ? null : scope.RootUnitId), ct);
        var person = scope.All || scope.RootUnitId is not null
            ? people.FirstOrDefault(p => string.Equals(p.StaffCode, StaffCode?.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        if (person is null)
        {
            Error = "Không tìm thấy cán bộ có mã này trong phạm vi quản lý.";
            return Page();
        }
        var actor = User.FindFirstValue(ClaimTypes.Name) ?? "hr";
        var (certificate, error) = await actions.IssueManuallyAsync(ProgrammeId, person.UserId, Reason ?? "", actor, ct);
        if (certificate is null)
        {
            Error = error;
            return Page();
        }
        return RedirectToPage("/Hr/Certificate", new { id = certificate.Id });
    }

    private Task<List<Programme>> ProgrammesAsync(CancellationToken ct) =>
        db.Programmes.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).ToListAsync(ct);
}
