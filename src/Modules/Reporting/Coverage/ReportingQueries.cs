using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Learning;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;
using Training.Platform.Time;

namespace Training.Reporting.Coverage;

/// <summary>The read side shared by pages, exports and the API: plans, a target's report for a viewer, its people.</summary>
public sealed class ReportingQueries(ReportingDbContext db, TargetDataLoader loader, Status.StatusCounts counts, CoverCounts cover,
    IServiceProvider services, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    /// <summary>The plans <paramref name="scope"/> may see, reported-on ones first (see <see cref="PlanVisibility"/>).</summary>
    public async Task<List<Plan>> PlansAsync(UnitScope scope, CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Targets).ThenInclude(t => t.Milestones)
            .OrderByDescending(p => p.UnitId != null).ThenByDescending(p => p.IssuedOn).ThenBy(p => p.Title).AsSplitQuery().ToListAsync(ct);
        var visible = await VisibilityAsync(scope, ct);
        return plans.Where(p => visible.Shows(p.UnitId)).ToList();
    }

    /// <summary>The plan, or null when it does not exist or <paramref name="scope"/> may not see it.</summary>
    public async Task<Plan?> PlanAsync(Guid id, UnitScope scope, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Targets).ThenInclude(t => t.Milestones)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is not null && (await VisibilityAsync(scope, ct)).Shows(plan.UnitId) ? plan : null;
    }

    /// <summary>A target with its plan, or null when either does not exist or <paramref name="scope"/> may not see the plan.</summary>
    public async Task<(Plan Plan, PlanTarget Target)?> TargetAsync(Guid targetId, UnitScope scope, CancellationToken ct = default)
    {
        var planId = await db.Targets.Where(t => t.Id == targetId).Select(t => (Guid?)t.PlanId).FirstOrDefaultAsync(ct);
        if (planId is null) return null;
        var plan = await PlanAsync(planId.Value, scope, ct);
        return plan is null ? null : (plan, plan.Targets.Single(t => t.Id == targetId));
    }

    public async Task<PlanVisibility> VisibilityAsync(UnitScope scope, CancellationToken ct = default) =>
        scope.All ? PlanVisibility.Everything : PlanVisibility.For(scope, await loader.UnitsAsync(ct));

    /// <summary>A target's report for a viewer, counted from the cover totals when they are built for the target's
    /// programmes and the current tree (<see cref="CoverCounts"/>), otherwise from the status tables, as they are now
    /// either way (no cache: an event handled a moment ago already shows).</summary>
    public async Task<TargetReport> ReportAsync(PlanTarget target, UnitScope scope, Guid? unit, DateOnly asOf, CancellationToken ct = default)
    {
        var data = await loader.LoadShapeAsync(target, ct);
        var days = TargetReportBuilder.Days(target, asOf);
        if (data.State == DataState.Ready)
        {
            var visible = TargetReportBuilder.Visible(data, scope);
            // The totals count whole subtrees: used when the viewer sees all of the selected unit's.
            if (TargetReportBuilder.Selected(data, visible, unit) is { } selected && (scope.All || data.SubtreeOf(selected.Id).All(visible.Contains))
                && await cover.LoadAsync(data, selected.Id, target.CategoryList, days, asOf, ct) is { } totals)
                return TargetReportBuilder.Build(data, asOf, scope, unit, totals);
        }
        return await FromStatusAsync(data, scope, unit, asOf, ct);
    }

    /// <summary>The report counted from the status rows (exact, slower at national scale): when the cover totals cannot answer.</summary>
    internal async Task<TargetReport> FromStatusAsync(TargetData data, UnitScope scope, Guid? unit, DateOnly asOf, CancellationToken ct = default)
    {
        var target = data.Target;
        var days = TargetReportBuilder.Days(target, asOf);
        var snapshot = new CoverageSnapshot(days);
        if (data.State is DataState.Ready or DataState.NoLedger)
        {
            // Only the selected unit's part of the tree is counted: a department's page reads its own rows, not the province's.
            var visible = TargetReportBuilder.Visible(data, scope);
            var counted = unit is { } u && visible.Contains(u) ? data.SubtreeOf(u).Where(visible.Contains).ToHashSet() : visible;
            snapshot = await counts.LoadAsync(counted, target.CategoryList, data.Programmes.Select(p => p.Id).ToList(), days, ct,
                wholeTree: counted.Count == data.Units.Count);
        }
        return TargetReportBuilder.Build(data, asOf, scope, unit, snapshot);
    }

    /// <summary>The target with its population and certificate history, for the pages that list people one by one.</summary>
    public Task<TargetData> DetailAsync(PlanTarget target, CancellationToken ct = default) => loader.LoadAsync(target, ct);

    /// <summary>People of the selected unit's subtree (within scope) with their status; with <paramref name="direct"/>, only
    /// those holding a post in the selected unit itself (the "Trực tiếp tại …" row).</summary>
    public async Task<IEnumerable<PersonRow>> PeopleAsync(TargetReport report, bool direct = false, CancellationToken ct = default)
    {
        if (report.Selected is null) return [];
        IReadOnlySet<Guid> units = direct
            ? new HashSet<Guid> { report.Selected.Unit.Id }
            : report.Data.SubtreeOf(report.Selected.Unit.Id).Where(report.Visible.Contains).ToHashSet();
        var data = await DetailAsync(report.Data.Target, ct);
        var learning = services.GetService<ILearningActivity>();
        var courses = data.CourseIds;
        IReadOnlySet<string> inProgress = learning is null || courses.Count == 0
            ? new HashSet<string>()
            : await learning.GetLearnersInProgressAsync(courses, ct);
        return PeopleList.Build(data, units, report.AsOf, inProgress);
    }

    public Task<UnitScope> ScopeAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        services.GetRequiredService<IUserScope>().GetScopeAsync(user, ct);
}
