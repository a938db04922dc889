using System.Security.Cryptography;
using Training.Abstractions.Organisation;

namespace Training.Reporting.Status;

/// <summary>The directory's unit tree as the cover tables see it: each unit's parent and depth (a root is 0), the
/// closure rows and a fingerprint of the shape (ids and parents only: a renamed unit changes nothing counted).</summary>
public sealed class UnitTree
{
    private readonly Dictionary<Guid, Guid?> _parent;
    private readonly Dictionary<Guid, int> _depth = [];

    public UnitTree(IEnumerable<OrgUnitInfo> units)
    {
        var list = units.ToList();
        Fingerprint = FingerprintOf(list);
        var ids = list.Select(u => u.Id).ToHashSet();
        // A parent the directory does not list makes its child a root.
        _parent = list.ToDictionary(u => u.Id, u => u.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        foreach (var id in ids) DepthOf(id);
    }

    private UnitTree(Dictionary<Guid, Guid?> parent)
    {
        _parent = parent;
        Fingerprint = "";
        foreach (var id in parent.Keys.ToList()) DepthOf(id);
    }

    /// <summary>The part of the built tree that <paramref name="closure"/> rows describe (the units and their ancestors):
    /// a refresh computes depths against the tree the totals were built for, not the directory's current one.</summary>
    public static UnitTree FromClosure(IEnumerable<UnitClosure> closure)
    {
        var parent = new Dictionary<Guid, Guid?>();
        foreach (var unit in closure.GroupBy(r => r.UnitId))
        {
            Guid? above = null;
            foreach (var r in unit.OrderBy(r => r.AncestorDepth))
            {
                parent[r.AncestorId] = above;
                above = r.AncestorId;
            }
        }
        return new UnitTree(parent);
    }

    public string Fingerprint { get; }

    /// <summary>-1 for a unit the tree does not hold.</summary>
    public int Depth(Guid unit) => _depth.GetValueOrDefault(unit, -1);

    /// <summary>The unit and its ancestors, from the unit up.</summary>
    public IEnumerable<Guid> Ancestors(Guid unit)
    {
        for (Guid? current = unit; current is { } id && _parent.ContainsKey(id); current = _parent[id]) yield return id;
    }

    /// <summary>The unit's ancestor at <paramref name="depth"/> (the unit itself at its own depth).</summary>
    public Guid AncestorAt(Guid unit, int depth) => Ancestors(unit).Skip(Depth(unit) - depth).First();

    /// <summary>Depth of the lowest common ancestor; -1 when the units share none (or one is unknown).</summary>
    public int CommonDepth(Guid a, Guid b)
    {
        var (da, db) = (Depth(a), Depth(b));
        if (da < 0 || db < 0) return -1;
        while (da > db) { a = _parent[a]!.Value; da--; }
        while (db > da) { b = _parent[b]!.Value; db--; }
        while (a != b)
        {
            if (_parent[a] is not { } pa || _parent[b] is not { } pb) return -1;
            (a, b, da) = (pa, pb, da - 1);
        }
        return da;
    }

    public IEnumerable<UnitClosure> Closure() => _parent.Keys.SelectMany(unit =>
        Ancestors(unit).Select(a => new UnitClosure { UnitId = unit, AncestorId = a, AncestorDepth = Depth(a), Own = a == unit }));

    /// <summary>Walks up to a unit of known depth; a cycle (a broken directory) is cut where it closes.</summary>
    private void DepthOf(Guid id)
    {
        var path = new List<Guid>();
        var onPath = new HashSet<Guid>();
        var depth = -1;
        for (Guid? current = id; current is { } c; current = _parent[c])
        {
            if (_depth.TryGetValue(c, out var known)) { depth = known; break; }
            if (!onPath.Add(c)) { _parent[path[^1]] = null; break; }
            path.Add(c);
        }
        for (var i = path.Count - 1; i >= 0; i--) _depth[path[i]] = ++depth;
    }

    /// <summary>SHA-256 over the units' ids and parents in id order (no text built: a dashboard computes it per render).</summary>
    public static string FingerprintOf(IReadOnlyCollection<OrgUnitInfo> units)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> pair = stackalloc byte[33];
        foreach (var u in units.OrderBy(u => u.Id))
        {
            u.Id.TryWriteBytes(pair[..16]);
            pair[16] = u.ParentId is null ? (byte)0 : (byte)1;
            (u.ParentId ?? Guid.Empty).TryWriteBytes(pair[17..]);
            hash.AppendData(pair);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
