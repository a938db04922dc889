using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Reporting.Coverage;
using Training.Abstractions.Security;
using Training.Reporting.Data;
using Training.Reporting.Planning;

namespace Training.Reporting.Pages.Hr.Plans;

[Authorize(Policy = Permissions.ViewReports)]
public sealed class PlanModel(ReportingQueries queries) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public List<TargetReport> Reports { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await queries.PlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Today = queries.Today;
        var scope = await queries.ScopeAsync(User, ct);
        CanEdit = User.HasClaim(PermissionClaim.Type, Permissions.ManagePlans) && PlanEditor.Allows(scope, plan.UnitId);
        foreach (var target in plan.Targets.OrderBy(t => t.Ordinal))
            Reports.Add(await queries.ReportAsync(target, scope, null, Today, ct));
        return Page();
    }
}
