using Training.Reporting.Status;

namespace Training.Reporting.Coverage;

/// <summary>The counts <see cref="CoverCounts"/> read for one selected unit and its children: population and certified
/// per day of each, the selected unit's direct row, and its reconciliation on the report's day (extra rows and shared
/// people come from <see cref="StaffMember.MinDepth"/>, without reading people). It answers only for those units: the
/// builder reads nothing else.</summary>
public sealed class CoverSnapshot(IReadOnlyList<DateOnly> days, Guid selected, DateOnly asOf) : ICoverageCounts
{
    private readonly TreeCounts _counts = new(days);
    private readonly TreeCounts _direct = new(days);
    private readonly int[] _none = new int[days.Count];
    private int _extraPopulation, _shared, _extraCertified;

    public IReadOnlyList<DateOnly> Days { get; } = days;
    public Guid Selected { get; } = selected;
    public DateOnly AsOf { get; } = asOf;

    internal void SetPopulation(Guid unit, int population, int extra, int shared, int own)
    {
        _counts.Add(unit, population, _none);
        if (unit != Selected) return;
        _direct.Add(unit, own, _none);
        (_extraPopulation, _shared) = (extra, shared);
    }

    internal void AddCertified(Guid unit, int[] certified) => _counts.Add(unit, 0, certified);

    internal void AddOwn(int[] certified, int extraCertified)
    {
        _direct.Add(Selected, 0, certified);
        _extraCertified += extraCertified;
    }

    public TreeCounts Counts(IReadOnlyDictionary<Guid, Guid?> parentOf, IReadOnlySet<Guid> subtree) => _counts;

    public TreeCounts Direct(Guid unit) => unit == Selected ? _direct : new TreeCounts(Days);

    public bool ReconcilesByRows => false;

    public Reconciliation Reconcile(IReadOnlyDictionary<Guid, Guid> rowOf, DateOnly day)
    {
        if (day != AsOf) throw new ArgumentOutOfRangeException(nameof(day), day, "The cover counts reconcile the report's day only.");
        var total = _counts.Point(Selected, day);
        return new Reconciliation(total.Population + _extraPopulation, total.Certified + _extraCertified, _shared, _extraPopulation, _extraCertified);
    }
}
