using System.Globalization;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

public static class TargetReportBuilder
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    /// <summary>The label of the row of people placed in <paramref name="unit"/> itself rather than in a child unit.</summary>
    public static string DirectLabel(string unit) => $"Trực tiếp tại {unit}";

    /// <summary>The units of the target the viewer may see.</summary>
    public static HashSet<Guid> Visible(TargetData data, UnitScope scope) => data.Subtree.Where(id => scope.Contains(id)).ToHashSet();

    /// <summary>The days a report counts: the trend's month ends, today, and the milestones already due.</summary>
    public static IReadOnlyList<DateOnly> Days(PlanTarget target, DateOnly asOf) =>
        CoverageMath.TrendDates(asOf).Concat(target.Milestones.Where(m => m.DueOn <= asOf).Select(m => m.DueOn).OrderBy(d => d)).Distinct().ToList();

    /// <summary>The report from the people and certificate history in <paramref name="data"/> (tests, and targets loaded whole).</summary>
    public static TargetReport Build(TargetData data, DateOnly asOf, UnitScope scope, Guid? unitId) =>
        Build(data, asOf, scope, unitId, CoverageSnapshot.From(data.People, data.Facts, Days(data.Target, asOf)));

    /// <summary>The unit a report shows: the one asked for when visible, else the first visible root.</summary>
    public static OrgUnitInfo? Selected(TargetData data, IReadOnlySet<Guid> visible, Guid? unitId) =>
        unitId is { } id && visible.Contains(id)
            ? data.Unit(id)
            : data.Units.FirstOrDefault(u => visible.Contains(u.Id) && (u.ParentId is null || !visible.Contains(u.ParentId.Value)));

    /// <param name="snapshot">Population and certified counts on <see cref="Days"/> of the selected unit and its children
    /// (see <see cref="CoverageSnapshot"/>, <see cref="CoverCounts"/>).</param>
    public static TargetReport Build(TargetData data, DateOnly asOf, UnitScope scope, Guid? unitId, ICoverageCounts snapshot)
    {
        if (data.State is DataState.NotMeasured or DataState.NoUnit) return new TargetReport { Data = data, AsOf = asOf };
        var visible = Visible(data, scope);
        var selected = Selected(data, visible, unitId);
        if (selected is null) return new TargetReport { Data = data, AsOf = asOf, Visible = visible };

        var milestones = data.Target.Milestones.OrderBy(m => m.DueOn).ToList();
        var trendDays = CoverageMath.TrendDates(asOf);
        var counts = snapshot.Counts(data.ParentOf, visible);
        var childrenOf = data.Units.Where(u => u.ParentId is not null && visible.Contains(u.Id)).ToLookup(u => u.ParentId!.Value);

        UnitRow Row(OrgUnitInfo unit, TreeCounts source, RowKind kind = RowKind.Unit)
        {
            var trend = trendDays.Select(d => source.Point(unit.Id, d)).ToList();
            var now = trend[^1];
            var results = milestones.Select(m =>
            {
                if (now.Population == 0) return new MilestoneResult(m, null, null, MilestoneStatus.NoPopulation);
                decimal? onDue = m.DueOn <= asOf ? source.Point(unit.Id, m.DueOn).Percent : null;
                var forecast = m.DueOn > asOf ? CoverageMath.Forecast(trend, m.DueOn) : null;
                return new MilestoneResult(m, onDue, forecast, CoverageMath.Status(m.Percent, m.Strict, m.DueOn, asOf, onDue, now.Percent ?? 0, forecast));
            }).ToList();
            var shown = kind == RowKind.Direct ? unit with { Name = DirectLabel(unit.Name) } : unit;
            return new UnitRow(shown, now, results, kind == RowKind.Unit && childrenOf[unit.Id].Any(), kind);
        }

        var rows = childrenOf[selected.Id].OrderBy(u => u.Name, VietnameseOrder).Select(u => Row(u, counts)).ToList();
        Reconciliation? totals = null;
        if (rows.Count > 0)
        {
            // People holding a post in the selected unit itself get their own row, so the rows cover the whole total.
            var directCounts = snapshot.Direct(selected.Id);
            if (directCounts.Population(selected.Id) > 0) rows.Add(Row(selected, directCounts, RowKind.Direct));
            var rowOf = snapshot.ReconcilesByRows
                ? Reconciliation.RowsOf(selected.Id, data.SubtreeOf(selected.Id).Where(visible.Contains).ToHashSet(), data.ParentOf)
                : new Dictionary<Guid, Guid>();
            totals = snapshot.Reconcile(rowOf, asOf);
        }

        var breadcrumb = new List<OrgUnitInfo>();
        for (var u = selected; u is not null && visible.Contains(u.Id); u = data.Unit(u.ParentId)) breadcrumb.Insert(0, u);
        return new TargetReport
        {
            Data = data, AsOf = asOf, Visible = visible, Breadcrumb = breadcrumb,
            Selected = Row(selected, counts),
            Trend = trendDays.Select(d => counts.Point(selected.Id, d)).ToList(),
            Children = rows,
            Totals = totals,
        };
    }
}
