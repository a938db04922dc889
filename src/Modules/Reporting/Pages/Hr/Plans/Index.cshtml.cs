using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Reporting.Coverage;
using Training.Abstractions.Security;
using Training.Reporting.Data;

namespace Training.Reporting.Pages.Hr.Plans;

[Authorize(Policy = Permissions.ViewReports)]
public sealed class IndexModel(ReportingQueries queries, Status.ResyncRuns resyncs) : PageModel
{
    /// <summary>Plans whose deadline is within their lead days: shown at the top of the HR plans home.</summary>
    public List<(Plan Plan, DateOnly Due)> Coming { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public DateOnly? NextDeadline(Plan p) =>
        p.ReportDeadlineDay is { } d && p.ReportDeadlineMonth is { } m ? new Deadlines.ReportDeadline(d, m).NextOnOrAfter(Today) : null;

    public List<Plan> Plans { get; private set; } = [];
    public bool CanCreate => User.HasClaim(PermissionClaim.Type, Permissions.ManagePlans);
    [TempData] public string? Message { get; set; }

    /// <summary>The latest daily re-check of the dashboard's figures (null: none yet), so HR sees when the figures were
    /// last reconciled with the roster and the certificates and whether anything had drifted.</summary>
    public Status.ResyncRun? LastResync { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await queries.PlansAsync(await queries.ScopeAsync(User, ct), ct);
        Today = queries.Today;
        Coming = Deadlines.ComingDeadlines.Of(Plans, Today);
        LastResync = await resyncs.LatestAsync(ct);
    }
}
