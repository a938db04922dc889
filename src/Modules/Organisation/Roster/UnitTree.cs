using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>In-memory view of the unit tree used while importing: finds a unit by its name path and
/// creates the missing ones (tracked by the context, saved with the import).</summary>
internal sealed class UnitTree
{
    private readonly Dictionary<(Guid?, string), OrgUnit> _byParentAndName;
    private readonly Dictionary<Guid, OrgUnit> _byId;

    public UnitTree(IEnumerable<OrgUnit> units)
    {
        var list = units.ToList();
        _byParentAndName = list.ToDictionary(u => (u.ParentId, Key(u.Name)));
        _byId = list.ToDictionary(u => u.Id);
    }

    public List<OrgUnit> Created { get; } = [];

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

    /// <summary>The deepest existing unit along the path (null when even the root is new).</summary>
    public OrgUnit? DeepestExisting(IReadOnlyList<string> path)
    {
        Guid? parent = null;
        OrgUnit? found = null;
        foreach (var name in path)
        {
            if (!_byParentAndName.TryGetValue((parent, Key(name)), out var unit)) break;
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

    public static string KindOf(string name)
    {
        string[] kinds = ["UBND", "Sở", "Phòng", "Ban", "Trường", "Trung tâm", "Văn phòng", "Thanh tra", "Công an"];
        return kinds.FirstOrDefault(k => name.StartsWith(k, StringComparison.OrdinalIgnoreCase)) ?? "Đơn vị";
    }

    private static string Key(string name) => name.ToLowerInvariant();
}
