using F23.StringSimilarity;
using Training.Organisation.Data;
using Training.Platform.Text;

namespace Training.Organisation.Roster;

/// <summary>In-memory view of the unit tree used while planning an import: finds a unit by its name path and plans
/// the missing ones. Units read from the database are "existing"; planned ones are only in <see cref="Created"/>.</summary>
internal sealed class UnitTree
{
    private static readonly Levenshtein Distance = new();
    private readonly Dictionary<(Guid?, string), OrgUnit> _byParentAndName = [];
    private readonly Dictionary<Guid, OrgUnit> _byId = [];
    private readonly HashSet<Guid> _planned = [];

    public UnitTree(IEnumerable<OrgUnit> units)
    {
        foreach (var u in units)
        {
            _byParentAndName.TryAdd((u.ParentId, Key(u.Name)), u);
            _byId[u.Id] = u;
        }
    }

    public List<OrgUnit> Created { get; } = [];

    public bool IsPlanned(Guid id) => _planned.Contains(id);

    public OrgUnit? Find(IReadOnlyList<string> path)
    {
        Guid? parent = null;
        OrgUnit? unit = null;
        foreach (var name in path)
        {
            if (!_byParentAndName.TryGetValue((parent, Key(name)), out unit)) return null;
            parent = unit.Id;
        }
        return unit;
    }

    /// <summary>The deepest unit along the path that exists in the database (null when even the root is new).
    /// Planned units do not count: authority over a new unit comes from its nearest existing ancestor.</summary>
    public OrgUnit? DeepestExisting(IReadOnlyList<string> path)
    {
        Guid? parent = null;
        OrgUnit? found = null;
        foreach (var name in path)
        {
            if (!_byParentAndName.TryGetValue((parent, Key(name)), out var unit) || _planned.Contains(unit.Id)) break;
            found = unit;
            parent = unit.Id;
        }
        return found;
    }

    public OrgUnit GetOrCreate(IReadOnlyList<string> path)
    {
        OrgUnit? parent = null;
        foreach (var name in path)
        {
            if (!_byParentAndName.TryGetValue((parent?.Id, Key(name)), out var unit))
            {
                var id = Guid.NewGuid();
                unit = new OrgUnit
                {
                    Id = id,
                    ParentId = parent?.Id,
                    Name = name,
                    Code = "U" + id.ToString("N")[..10].ToUpperInvariant(),
                    Kind = KindOf(name),
                    Path = (parent?.Path ?? "/") + id.ToString("N") + "/",
                    Depth = (parent?.Depth ?? -1) + 1,
                };
                _byParentAndName[(parent?.Id, Key(name))] = unit;
                _byId[id] = unit;
                _planned.Add(id);
                Created.Add(unit);
            }
            parent = unit;
        }
        return parent!;
    }

    public OrgUnit? this[Guid id] => _byId.GetValueOrDefault(id);

    /// <summary>The display path "A > B > C" of a unit.</summary>
    public string Describe(OrgUnit unit)
    {
        var names = new List<string>();
        for (OrgUnit? u = unit; u is not null; u = u.ParentId is { } p ? _byId.GetValueOrDefault(p) : null) names.Add(u.Name);
        names.Reverse();
        return string.Join(" > ", names);
    }

    /// <summary>An existing sibling whose name is close to a planned unit's ("Hoa Lu A" for "Hoa Lư A"): the same
    /// letters without accents, or at most two edits apart once accents are removed. Null when none is close.</summary>
    public OrgUnit? CloseExisting(OrgUnit planned)
    {
        var folded = VietnameseText.Fold(planned.Name);
        var budget = Math.Min(2, folded.Length / 8);
        return _byId.Values
            .Where(u => u.ParentId == planned.ParentId && !_planned.Contains(u.Id))
            .Select(u => (Unit: u, Edits: Distance.Distance(VietnameseText.Fold(u.Name), folded)))
            .Where(x => x.Edits <= budget)
            .OrderBy(x => x.Edits).ThenBy(x => x.Unit.Name, StringComparer.Ordinal)
            .Select(x => x.Unit).FirstOrDefault();
    }

    public static string KindOf(string name)
    {
        string[] kinds = ["UBND", "Sở", "Phòng", "Ban", "Trường", "Trung tâm", "Văn phòng", "Thanh tra", "Công an"];
        return kinds.FirstOrDefault(k => name.StartsWith(k, StringComparison.OrdinalIgnoreCase)) ?? "Đơn vị";
    }

    private static string Key(string name) => name.ToLowerInvariant();
}
