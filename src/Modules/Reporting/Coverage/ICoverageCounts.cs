namespace Training.Reporting.Coverage;

/// <summary>What <see cref="TargetReportBuilder"/> reads of a target's counts: per unit of the tree, the selected unit's
/// "direct" row and how its total follows from its rows. <see cref="CoverageSnapshot"/> answers for any unit from people
/// and per-unit tallies; <see cref="CoverCounts"/> answers for one selected unit and its children from the cover totals.</summary>
public interface ICoverageCounts
{
    IReadOnlyList<DateOnly> Days { get; }

    /// <summary>Counts per unit of <paramref name="subtree"/>: a person once in every unit containing one of their posts.</summary>
    TreeCounts Counts(IReadOnlyDictionary<Guid, Guid?> parentOf, IReadOnlySet<Guid> subtree);

    /// <summary>Counts of the people holding a post in <paramref name="unit"/> itself.</summary>
    TreeCounts Direct(Guid unit);

    /// <summary>How the selected unit's total follows from its rows on <paramref name="day"/>.</summary>
    Reconciliation Reconcile(IReadOnlyDictionary<Guid, Guid> rowOf, DateOnly day);

    /// <summary>Whether <see cref="Reconcile"/> reads its <c>rowOf</c> (the totals know the rows already: the builder
    /// then skips the walk over the subtree).</summary>
    bool ReconcilesByRows => true;
}
