using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.Reporting.Coverage;
using Training.Abstractions.Security;
using Training.Reporting.Data;
using Training.Reporting.Planning;

namespace Training.Reporting.Pages.Hr.Plans;

[Authorize(Policy = Permissions.ViewReports)]
public sealed class PlanModel(ReportingQueries queries, IServiceProvider services) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public List<TargetReport> Reports { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    [TempData] public string? Message { get; set; }

    /// <summary>The plan's document and the one it implements in the legal library; null (plain text) when the library lacks them.</summary>
    public LegalDocumentLink? NumberLink { get; private set; }
    public LegalDocumentLink? BasisLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await queries.ScopeAsync(User, ct);
        var plan = await queries.PlanAsync(id, scope, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Today = queries.Today;
        CanEdit = User.HasClaim(PermissionClaim.Type, Permissions.ManagePlans) && PlanEditor.Allows(scope, plan.UnitId);
        if (services.GetService<ILegalDocumentResolver>() is { } library)
        {
            if (plan.Number is { } number) NumberLink = await library.FindByNumberAsync(number, ct);
            if (plan.BasisNumber is { } basis) BasisLink = await library.FindByNumberAsync(basis, ct);
        }
        foreach (var target in plan.Targets.OrderBy(t => t.Ordinal))
            Reports.Add(await queries.ReportAsync(target, scope, null, Today, ct));
        return Page();
    }
}
