using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>Why a target's coverage cannot be computed, if it cannot.</summary>
public enum DataState
{
    Ready,
    /// <summary>The indicator is not about staff of the organisation (pupils, institutions): recorded, not computed.</summary>
    NotMeasured,
    /// <summary>The plan's population is not a unit of this organisation.</summary>
    NoUnit,
    /// <summary>No certificate ledger is installed (the Certification module is absent).</summary>
    NoLedger,
}

/// <summary>What a target is about: the unit tree, its programmes and (for the people lists) the population and its certificates.</summary>
public sealed class TargetData
{
    public required PlanTarget Target { get; init; }
    public required DataState State { get; init; }

    public required IReadOnlyList<OrgUnitInfo> Units { get; init; }
    public IReadOnlySet<Guid> Subtree { get; init; } = new HashSet<Guid>();
    public IReadOnlyList<PersonInfo> People { get; init; } = [];
    public ILookup<string, CertificateFact> Facts { get; init; } = Array.Empty<CertificateFact>().ToLookup(f => f.UserId);
    public IReadOnlyList<ProgrammeInfo> Programmes { get; init; } = [];

    /// <summary>The courses of the programmes, resolved from the programmes' course codes.</summary>
    public IReadOnlyList<Guid> CourseIds { get; init; } = [];

    /// <summary>Programme codes of the target that the ledger does not know.</summary>
    public IReadOnlyList<string> MissingProgrammes { get; init; } = [];

    /// <summary>The same data with the caller's target (its milestones may have been edited since the load).</summary>
    public TargetData For(PlanTarget target) => ReferenceEquals(target, Target) ? this : new()
    {
        Target = target, State = State, Units = Units, Subtree = Subtree, People = People, Facts = Facts,
        Programmes = Programmes, CourseIds = CourseIds, MissingProgrammes = MissingProgrammes, _parentOf = _parentOf, _byId = _byId,
    };

    /// <summary>The same shape with its population and history (see <see cref="TargetDataLoader.LoadAsync"/>).</summary>
    public TargetData With(IReadOnlyList<PersonInfo> people, ILookup<string, CertificateFact> facts, IReadOnlyList<Guid> courseIds) => new()
    {
        Target = Target, State = State, Units = Units, Subtree = Subtree, People = people, Facts = facts,
        Programmes = Programmes, CourseIds = courseIds, MissingProgrammes = MissingProgrammes, _parentOf = _parentOf, _byId = _byId,
    };

    public IReadOnlyDictionary<Guid, Guid?> ParentOf => _parentOf ??= Units.ToDictionary(u => u.Id, u => u.ParentId);
    private Dictionary<Guid, Guid?>? _parentOf;

    public OrgUnitInfo? Unit(Guid? id) => id is { } v ? Units.FirstOrDefault(u => u.Id == v) : null;

    /// <summary>The unit's names from the root down ("Sở … &gt; Trường …"), as exports name units.</summary>
    public string PathOf(Guid id)
    {
        _byId ??= Units.ToDictionary(u => u.Id);
        var names = new List<string>();
        for (Guid? current = id; current is { } c && _byId.TryGetValue(c, out var unit) && names.Count <= _byId.Count; current = unit.ParentId)
            names.Insert(0, unit.Name);
        return string.Join(" > ", names);
    }

    private Dictionary<Guid, OrgUnitInfo>? _byId;

    /// <summary>The unit and its descendants, from the loaded tree.</summary>
    public IReadOnlySet<Guid> SubtreeOf(Guid root)
    {
        var children = Units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new HashSet<Guid>();
        var stack = new Stack<Guid>([root]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!result.Add(id)) continue;
            foreach (var child in children[id]) stack.Push(child);
        }
        return result;
    }
}
