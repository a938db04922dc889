using System.Security.Claims;

namespace Training.Abstractions.Reports;

/// <summary>The plans' coming yearly report deadlines that a user may see (inside each plan's sending window).
/// Implemented by Reporting; the HR home (Organisation) shows them.</summary>
public interface IReportDeadlines
{
    /// <summary>Soonest first; empty when the user may not see reports.</summary>
    Task<IReadOnlyList<ComingReportDeadline>> ComingAsync(ClaimsPrincipal user, CancellationToken ct = default);
}

/// <summary>A plan's coming report deadline, with the links to the plan and to the year's report.</summary>
public sealed record ComingReportDeadline(Guid PlanId, string PlanName, DateOnly Deadline, int DaysLeft, string PlanUrl, string ReportPdfUrl,
    string ReportXlsxUrl);
