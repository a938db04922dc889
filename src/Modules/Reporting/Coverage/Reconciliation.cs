using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;

namespace Training.Reporting.Coverage;

/// <summary>How a unit's total follows from its rows (issue 10, item 13): the rows add up to
/// <see cref="RowsPopulation"/>/<see cref="RowsCertified"/>; a person with posts in several rows (kiêm nhiệm) is in each of
/// those rows but once in the total, so the total is the rows' sum less <see cref="ExtraPopulation"/>/<see cref="ExtraCertified"/>
/// (the rows a person is in beyond the first). Always <c>RowsPopulation − ExtraPopulation = total</c>.</summary>
public sealed record Reconciliation(int RowsPopulation, int RowsCertified, int SharedPeople, int ExtraPopulation, int ExtraCertified)
{
    /// <summary>Counts, for the selected unit, the rows each person of its subtree falls in: the child unit (or units)
    /// whose subtree holds one of their posts, and the "direct" row when they hold a post in the unit itself.</summary>
    /// <param name="rowOf">The row of a unit of the subtree: the child unit it lies under, or the selected unit itself (direct row).</param>
    public static Reconciliation Count(IReadOnlyList<PersonInfo> people, IReadOnlyDictionary<Guid, Guid> rowOf,
        ILookup<string, CertificateFact> facts, DateOnly day)
    {
        int rowsPopulation = 0, rowsCertified = 0, shared = 0, extraPopulation = 0, extraCertified = 0;
        var rows = new HashSet<Guid>();
        foreach (var person in people)
        {
            rows.Clear();
            foreach (var unit in person.UnitIds)
                if (rowOf.TryGetValue(unit, out var row)) rows.Add(row);
            if (rows.Count == 0) continue;
            var certified = CoverageMath.IsCertified(facts[person.UserId], day);
            rowsPopulation += rows.Count;
            if (certified) rowsCertified += rows.Count;
            if (rows.Count == 1) continue;
            shared++;
            extraPopulation += rows.Count - 1;
            if (certified) extraCertified += rows.Count - 1;
        }
        return new Reconciliation(rowsPopulation, rowsCertified, shared, extraPopulation, extraCertified);
    }

    /// <summary>The row of each unit of <paramref name="subtree"/> below or at <paramref name="selected"/>: its child
    /// of <paramref name="selected"/> (for the selected unit itself: the selected unit, i.e. the direct row).</summary>
    public static Dictionary<Guid, Guid> RowsOf(Guid selected, IReadOnlySet<Guid> subtree, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var rowOf = new Dictionary<Guid, Guid> { [selected] = selected };
        foreach (var unit in subtree)
        {
            if (rowOf.ContainsKey(unit)) continue;
            // Walk up to the child of the selected unit; remember the row for every unit on the way.
            var path = new List<Guid>();
            Guid? current = unit;
            Guid? row = null;
            while (current is { } id)
            {
                if (rowOf.TryGetValue(id, out var known)) { row = known; break; }
                var parent = parentOf.GetValueOrDefault(id);
                path.Add(id);
                if (parent == selected) { row = id; break; }
                current = parent;
            }
            if (row is not { } r) continue;
            foreach (var id in path) rowOf[id] = r;
        }
        return rowOf;
    }
}
