using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>A milestone evaluated for one unit.</summary>
public sealed record MilestoneResult(Milestone Milestone, decimal? CoverageOnDue, decimal? Forecast, MilestoneStatus Status);

/// <summary>What a row of the unit table stands for.</summary>
public enum RowKind
{
    /// <summary>A unit and everything below it.</summary>
    Unit,

    /// <summary>The people placed in the selected unit itself rather than in one of its child units.</summary>
    Direct,
}

/// <summary>One unit's line in the dashboard. A <see cref="RowKind.Direct"/> row carries the selected unit, renamed
/// "Trực tiếp tại …", so every list, export and report prints it like any other row.</summary>
public sealed record UnitRow(OrgUnitInfo Unit, CoveragePoint Now, IReadOnlyList<MilestoneResult> Milestones, bool HasChildren,
    RowKind Kind = RowKind.Unit)
{
    public bool IsDirect => Kind == RowKind.Direct;
}

/// <summary>A target's coverage for one unit of the tree as of a day, limited to what the viewer's scope shows.</summary>
public sealed class TargetReport
{
    public required TargetData Data { get; init; }
    public required DateOnly AsOf { get; init; }

    /// <summary>The unit shown; null when nothing of the target lies in the viewer's scope.</summary>
    public UnitRow? Selected { get; init; }
    public IReadOnlyList<CoveragePoint> Trend { get; init; } = [];

    /// <summary>The child units, then (when anyone is placed there) the row of the selected unit's own people.</summary>
    public IReadOnlyList<UnitRow> Children { get; init; } = [];

    /// <summary>How <see cref="Selected"/>'s figures follow from <see cref="Children"/>; null without child rows.</summary>
    public Reconciliation? Totals { get; init; }
    public IReadOnlyList<OrgUnitInfo> Breadcrumb { get; init; } = [];

    /// <summary>Units of the target's subtree the viewer may see.</summary>
    public IReadOnlySet<Guid> Visible { get; init; } = new HashSet<Guid>();

    public bool OutOfScope => Data.State is DataState.Ready or DataState.NoLedger && Selected is null;
}
