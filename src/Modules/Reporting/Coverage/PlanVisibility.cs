using Training.Abstractions.Organisation;

namespace Training.Reporting.Coverage;

/// <summary>Which plans a viewer sees (issue 10, items 6 and 16): a plan whose reporting unit lies in the viewer's subtree
/// (their own plans) or above its root (the plans their units carry out, e.g. the province's plan for a school), never a
/// sibling's. A plan reported by no unit of the organisation (kept as a reference) is for administrators only.</summary>
public sealed class PlanVisibility
{
    private readonly bool _all;
    private readonly IReadOnlySet<Guid> _units;

    private PlanVisibility(bool all, IReadOnlySet<Guid> units)
    {
        _all = all;
        _units = units;
    }

    public static PlanVisibility Everything { get; } = new(true, new HashSet<Guid>());

    /// <summary>For an HR user's or an API key's scope: its subtree plus the ancestors of its root.</summary>
    public static PlanVisibility For(UnitScope scope, IReadOnlyList<OrgUnitInfo> units)
    {
        if (scope.All) return Everything;
        var visible = new HashSet<Guid>(scope.UnitIds);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        for (var id = scope.RootUnitId; id is { } current && visible.Count <= units.Count; id = parentOf.GetValueOrDefault(current))
            visible.Add(current);
        return new PlanVisibility(false, visible);
    }

    public bool Shows(Guid? planUnit) => _all || (planUnit is { } id && _units.Contains(id));
}
