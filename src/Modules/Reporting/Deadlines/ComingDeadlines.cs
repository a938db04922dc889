using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Reports;
using Training.Abstractions.Security;
using Training.Reporting.Coverage;
using Training.Reporting.Data;

namespace Training.Reporting.Deadlines;

/// <summary>Plans whose yearly report deadline is within their lead days, soonest first: sent by the deadline job and
/// shown on the HR home and the HR plans home.</summary>
public sealed class ComingDeadlines(ReportingDbContext db, ReportingQueries queries) : IReportDeadlines
{
    public static List<(Plan Plan, DateOnly Due)> Of(IEnumerable<Plan> plans, DateOnly today) =>
        plans.Where(p => p.UnitId is not null && p.ReportDeadlineDay is not null && p.ReportDeadlineMonth is not null)
            .Select(p => (Plan: p, Due: new ReportDeadline(p.ReportDeadlineDay!.Value, p.ReportDeadlineMonth!.Value)
                .DueForSending(today, p.ReportLeadDays ?? ReportDeadline.DefaultLeadDays)))
            .Where(x => x.Due is not null).Select(x => (x.Plan, x.Due!.Value)).OrderBy(x => x.Item2).ToList();

    public async Task<IReadOnlyList<ComingReportDeadline>> ComingAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.HasClaim(PermissionClaim.Type, Permissions.ViewReports)) return [];
        var today = queries.Today;
        var visible = await queries.VisibilityAsync(await queries.ScopeAsync(user, ct), ct);
        // The HR home asks on every visit: only the fields a deadline needs, not the plans' phases, targets and milestones.
        var plans = (await db.Plans.AsNoTracking()
            .Where(p => p.UnitId != null && p.ReportDeadlineDay != null && p.ReportDeadlineMonth != null)
            .OrderByDescending(p => p.IssuedOn).ThenBy(p => p.Title)
            .Select(p => new Plan
            {
                Id = p.Id, Number = p.Number, Title = p.Title, UnitId = p.UnitId,
                ReportDeadlineDay = p.ReportDeadlineDay, ReportDeadlineMonth = p.ReportDeadlineMonth, ReportLeadDays = p.ReportLeadDays,
            }).ToListAsync(ct)).Where(p => visible.Shows(p.UnitId));
        return Of(plans, today).Select(x => new ComingReportDeadline(x.Plan.Id, x.Plan.Number ?? x.Plan.Title, x.Due,
            x.Due.DayNumber - today.DayNumber, $"/hr/plans/{x.Plan.Id}", $"/hr/plans/{x.Plan.Id}/report.pdf?year={x.Due.Year}",
            $"/hr/plans/{x.Plan.Id}/report.xlsx?year={x.Due.Year}")).ToList();
    }
}
