using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Reporting.Coverage;
using Training.Abstractions.Security;
using Training.Reporting.Data;

namespace Training.Reporting.Pages.Hr.Plans;

[Authorize(Policy = Permissions.ViewReports)]
public sealed class IndexModel(ReportingQueries queries) : PageModel
{
    public List<Plan> Plans { get; private set; } = [];
    public bool CanCreate => User.HasClaim(PermissionClaim.Type, Permissions.ManagePlans);
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Plans = await queries.PlansAsync(await queries.ScopeAsync(User, ct), ct);
}
