using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>A milestone evaluated for one unit.</summary>
public sealed record MilestoneResult(Milestone Milestone, decimal? CoverageOnDue, decimal? Forecast, MilestoneStatus Status);

/// <summary>One unit's line in the dashboard.</summary>
public sealed record UnitRow(OrgUnitInfo Unit, CoveragePoint Now, IReadOnlyList<MilestoneResult> Milestones, bool HasChildren);

/// <summary>A target's coverage for one unit of the tree as of a day, limited to what the viewer's scope shows.</summary>
public sealed class TargetReport
{
    public required TargetData Data { get; init; }
    public required DateOnly AsOf { get; init; }

    /// <summary>The unit shown; null when nothing of the target lies in the viewer's scope.</summary>
    public UnitRow? Selected { get; init; }
    public IReadOnlyList<CoveragePoint> Trend { get; init; } = [];
    public IReadOnlyList<UnitRow> Children { get; init; } = [];
    public IReadOnlyList<OrgUnitInfo> Breadcrumb { get; init; } = [];

    /// <summary>Units of the target's subtree the viewer may see.</summary>
    public IReadOnlySet<Guid> Visible { get; init; } = new HashSet<Guid>();

    public bool OutOfScope => Data.State is DataState.Ready or DataState.NoLedger && Selected is null;
}

public static class TargetReportBuilder
{
    /// <param name="aggregate">Computes the per-unit counts for the visible units and days; the caller may memoise it:
    /// the counts do not depend on the selected unit, so drilling down within one scope and day reuses them.</param>
    public static TargetReport Build(TargetData data, DateOnly asOf, UnitScope scope, Guid? unitId,
        Func<IReadOnlySet<Guid>, IReadOnlyList<DateOnly>, TreeCounts>? aggregate = null)
    {
        if (data.State is DataState.NotMeasured or DataState.NoUnit) return new TargetReport { Data = data, AsOf = asOf };
        var visible = data.Subtree.Where(id => scope.Contains(id)).ToHashSet();
        var roots = data.Units.Where(u => visible.Contains(u.Id) && (u.ParentId is null || !visible.Contains(u.ParentId.Value))).ToList();
        var selected = unitId is { } id && visible.Contains(id) ? data.Unit(id) : roots.FirstOrDefault();
        if (selected is null) return new TargetReport { Data = data, AsOf = asOf, Visible = visible };

        var milestones = data.Target.Milestones.OrderBy(m => m.DueOn).ToList();
        var trendDays = CoverageMath.TrendDates(asOf);
        var days = trendDays.Concat(milestones.Where(m => m.DueOn <= asOf).Select(m => m.DueOn)).Distinct().ToList();
        var counts = aggregate is null ? CoverageMath.Aggregate(data.People, data.ParentOf, visible, data.Facts, days) : aggregate(visible, days);

        UnitRow Row(OrgUnitInfo unit)
        {
            var trend = trendDays.Select(d => counts.Point(unit.Id, d)).ToList();
            var now = trend[^1];
            var results = milestones.Select(m =>
            {
                decimal? onDue = m.DueOn <= asOf ? counts.Point(unit.Id, m.DueOn).Percent : null;
                var forecast = m.DueOn > asOf ? CoverageMath.Forecast(trend, m.DueOn) : null;
                return new MilestoneResult(m, onDue, forecast, CoverageMath.Status(m.Percent, m.Strict, m.DueOn, asOf, onDue, now.Percent, forecast));
            }).ToList();
            return new UnitRow(unit, now, results, data.Units.Any(u => u.ParentId == unit.Id && visible.Contains(u.Id)));
        }

        var children = data.Units.Where(u => u.ParentId == selected.Id && visible.Contains(u.Id)).OrderBy(u => u.Name, StringComparer.Create(new("vi-VN"), false));
        var breadcrumb = new List<OrgUnitInfo>();
        for (var u = selected; u is not null && visible.Contains(u.Id); u = data.Unit(u.ParentId)) breadcrumb.Insert(0, u);
        return new TargetReport
        {
            Data = data, AsOf = asOf, Visible = visible, Breadcrumb = breadcrumb,
            Selected = Row(selected),
            Trend = trendDays.Select(d => counts.Point(selected.Id, d)).ToList(),
            Children = children.Select(Row).ToList(),
        };
    }
}
