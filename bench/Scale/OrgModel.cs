namespace Training.Scale.Bench;

/// <summary>The generated organisation, computed (not read back) so every step can be rerun alone: a national root,
/// the 63 provinces, 20 departments each and their units; each person's primary unit is drawn in proportion to the
/// staff of the province (its population) and of the department (education and health are most of it).</summary>
internal sealed class OrgModel
{
    public sealed record Unit(int Index, Guid Id, int Parent, string Code, string Name, string Kind, string Path, int Depth, int Province);

    public const int UnitTable = 1;
    public List<Unit> Units { get; } = [];
    private readonly double[] _cumulative;
    private readonly int[] _staffed;

    public OrgModel(int unitCount)
    {
        var root = Add(-1, "Toàn quốc (các tỉnh, thành phố)", "Trung ương", -1);
        var provinces = Names.Provinces.Select((p, i) => Add(root.Index, "UBND " + p.Name, "Tỉnh", i)).ToList();
        var departments = new List<(Unit Unit, double Weight, string Leaf)>();
        foreach (var province in provinces)
            foreach (var d in Names.Departments)
                departments.Add((Add(province.Index, d.Name, "Sở", province.Province), Names.Provinces[province.Province].Thousands * (double)d.PerMille, d.Leaf));
        var leaves = unitCount - Units.Count;
        if (leaves < departments.Count) throw new ArgumentException($"At least {Units.Count + departments.Count} units are needed.");
        // Every department gets one unit, the rest in proportion to its staff (largest remainders).
        var total = departments.Sum(d => d.Weight);
        var shares = departments.Select(d => d.Weight / total * (leaves - departments.Count)).ToList();
        var counts = shares.Select(s => 1 + (int)Math.Floor(s)).ToArray();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).Take(leaves - counts.Sum()))
            counts[i]++;

        var weights = new List<(int Unit, double Weight)>();
        for (var d = 0; d < departments.Count; d++)
        {
            var (dept, weight, leaf) = departments[d];
            // A twentieth of a department's staff hold posts in the department itself, the rest in its units.
            weights.Add((dept.Index, weight * 0.05));
            for (var k = 1; k <= counts[d]; k++)
                weights.Add((Add(dept.Index, LeafName(leaf, k), "Đơn vị", dept.Province).Index, weight * 0.95 / counts[d]));
        }
        _staffed = weights.Select(w => w.Unit).ToArray();
        _cumulative = new double[weights.Count];
        double sum = 0;
        for (var i = 0; i < weights.Count; i++) _cumulative[i] = sum += weights[i].Weight;
    }

    private static string LeafName(string leaf, int k) => leaf switch
    {
        "Trường" => (k % 3) switch { 0 => $"Trường Trung học phổ thông số {k}", 1 => $"Trường Trung học cơ sở số {k}", _ => $"Trường Tiểu học số {k}" },
        "Trung tâm Y tế" => k % 4 == 0 ? $"Bệnh viện Đa khoa khu vực số {k}" : $"Trung tâm Y tế khu vực số {k}",
        _ => $"{leaf} số {k}",
    };

    private Unit Add(int parent, string name, string kind, int province)
    {
        var index = Units.Count;
        var id = Hash.Id(UnitTable, index);
        var p = parent < 0 ? null : Units[parent];
        var unit = new Unit(index, id, parent, $"DV{index:00000}", name, kind, (p?.Path ?? "/") + id.ToString("N") + "/", (p?.Depth ?? -1) + 1, province);
        Units.Add(unit);
        return unit;
    }

    /// <summary>Person <paramref name="person"/>'s primary unit (salt 7) or another draw (other salts).</summary>
    public Unit UnitOf(long person, int salt = 7)
    {
        var x = Hash.Unit(person, salt) * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        if (i < 0) i = ~i;
        return Units[_staffed[Math.Min(i, _staffed.Length - 1)]];
    }

    public static string UserId(long person) => $"{person:x8}-5ca1-4e00-8000-{Hash.Mix(person, 3) & 0xFFFF_FFFF_FFFFUL:x12}";
    public static string StaffCode(long person) => $"CB{person + 1:0000000}";
}
