using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Reporting.Coverage;
using Training.Reporting.Data;

namespace Training.Reporting.Pages.Hr.Plans;

/// <summary>One target for one unit: coverage against each milestone, the trend chart, and the child units.</summary>
[Authorize(Policy = Permissions.ViewReports)]
public sealed class TargetModel(ReportingQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public Plan Plan { get; private set; } = null!;
    public TargetReport Report { get; private set; } = null!;
    public string Chart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await queries.ScopeAsync(User, ct);
        var found = await queries.TargetAsync(id, scope, ct);
        if (found is not { } f) return NotFound();
        Plan = f.Plan;
        var asOf = AsOf ?? queries.Today;
        Report = await queries.ReportAsync(f.Target, scope, Unit, asOf, ct);
        if (Unit is not null && Report.Selected?.Unit.Id != Unit) return NotFound();
        if (Report.Selected is not null)
            Chart = ChartSvg.Render(Report.Trend, f.Target.Milestones.OrderBy(m => m.DueOn).ToList(),
                $"Độ bao phủ của {Report.Selected.Unit.Name} trong 12 tháng");
        return Page();
    }

    public string Query(Guid? unit = null) =>
        $"?unit={unit ?? Report.Selected?.Unit.Id}" + (AsOf is { } a ? $"&asOf={a:yyyy-MM-dd}" : "");
}
