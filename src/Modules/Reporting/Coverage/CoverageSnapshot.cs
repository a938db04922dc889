using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;

namespace Training.Reporting.Coverage;

/// <summary>A target's population and who of it is certified on each of a list of days, in the shape SQL can produce
/// cheaply: people holding one post are tallied per unit; the few holding several (kiêm nhiệm) are kept one by one, so
/// that each person is counted once in every row and every ancestor however the tree is cut.</summary>
public sealed class CoverageSnapshot(IReadOnlyList<DateOnly> days) : ICoverageCounts
{
    private readonly Dictionary<Guid, Tally> _units = [];
    private readonly List<(Guid[] Units, bool[] Certified)> _shared = [];

    public IReadOnlyList<DateOnly> Days { get; } = days;

    private sealed class Tally(int days)
    {
        public int Population;
        public readonly int[] Certified = new int[days];
    }

    /// <summary>Adds people with a single post in <paramref name="unit"/>: how many, and how many of them are certified on each day.</summary>
    public void AddUnit(Guid unit, int population, IReadOnlyList<int>? certified)
    {
        if (!_units.TryGetValue(unit, out var tally)) _units[unit] = tally = new Tally(Days.Count);
        tally.Population += population;
        if (certified is null) return;
        for (var i = 0; i < Days.Count; i++) tally.Certified[i] += certified[i];
    }

    /// <summary>Adds one person with their posts and whether they are certified on each day.</summary>
    public void AddPerson(IReadOnlyCollection<Guid> units, bool[] certified)
    {
        var distinct = units.Distinct().ToArray();
        if (distinct.Length == 1) AddUnit(distinct[0], 1, certified.Select(c => c ? 1 : 0).ToArray());
        else if (distinct.Length > 1) _shared.Add((distinct, certified));
    }

    /// <summary>The snapshot of people loaded through the contracts with their certificate history.</summary>
    public static CoverageSnapshot From(IReadOnlyList<PersonInfo> people, ILookup<string, CertificateFact> facts, IReadOnlyList<DateOnly> days)
    {
        var snapshot = new CoverageSnapshot(days);
        foreach (var person in people)
        {
            var certified = new bool[days.Count];
            foreach (var fact in facts[person.UserId])
                for (var i = 0; i < certified.Length; i++) certified[i] |= fact.IsValidOn(days[i]);
            snapshot.AddPerson(person.UnitIds, certified);
        }
        return snapshot;
    }

    /// <summary>Counts per unit of <paramref name="subtree"/>: a person is credited once to every unit of it containing one
    /// of their posts (directly or below).</summary>
    public TreeCounts Counts(IReadOnlyDictionary<Guid, Guid?> parentOf, IReadOnlySet<Guid> subtree)
    {
        var counts = new TreeCounts(Days);
        foreach (var (unit, tally) in _units)
            for (Guid? current = unit; current is { } id && subtree.Contains(id); current = parentOf.GetValueOrDefault(id))
                counts.Add(id, tally.Population, tally.Certified);
        var credited = new HashSet<Guid>();
        foreach (var (units, certified) in _shared)
        {
            credited.Clear();
            foreach (var unit in units)
                for (Guid? current = unit; current is { } id && subtree.Contains(id) && credited.Add(id); current = parentOf.GetValueOrDefault(id)) { }
            foreach (var id in credited) counts.Add(id, certified);
        }
        return counts;
    }

    /// <summary>Counts of the people holding a post in <paramref name="unit"/> itself (the "direct" row).</summary>
    public TreeCounts Direct(Guid unit)
    {
        var counts = new TreeCounts(Days);
        if (_units.TryGetValue(unit, out var tally)) counts.Add(unit, tally.Population, tally.Certified);
        foreach (var (units, certified) in _shared)
            if (units.Contains(unit)) counts.Add(unit, certified);
        return counts;
    }

    /// <summary>How the selected unit's total follows from its rows on <paramref name="day"/> (see <see cref="Reconciliation"/>).</summary>
    public Reconciliation Reconcile(IReadOnlyDictionary<Guid, Guid> rowOf, DateOnly day)
    {
        var index = Index(day);
        int rowsPopulation = 0, rowsCertified = 0, shared = 0, extraPopulation = 0, extraCertified = 0;
        foreach (var (unit, tally) in _units)
        {
            if (!rowOf.ContainsKey(unit)) continue;
            rowsPopulation += tally.Population;
            rowsCertified += tally.Certified[index];
        }
        var rows = new HashSet<Guid>();
        foreach (var (units, certified) in _shared)
        {
            rows.Clear();
            foreach (var unit in units)
                if (rowOf.TryGetValue(unit, out var row)) rows.Add(row);
            if (rows.Count == 0) continue;
            rowsPopulation += rows.Count;
            if (certified[index]) rowsCertified += rows.Count;
            if (rows.Count == 1) continue;
            shared++;
            extraPopulation += rows.Count - 1;
            if (certified[index]) extraCertified += rows.Count - 1;
        }
        return new Reconciliation(rowsPopulation, rowsCertified, shared, extraPopulation, extraCertified);
    }

    private int Index(DateOnly day)
    {
        for (var i = 0; i < Days.Count; i++) if (Days[i] == day) return i;
        throw new ArgumentOutOfRangeException(nameof(day), day, "Day not in the snapshot.");
    }
}
