using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;

namespace Training.Reporting.Coverage;

/// <summary>Coverage arithmetic, free of I/O: who is certified on a day, per-unit counts over a unit tree,
/// trend dates, linear forecast and milestone status.</summary>
public static class CoverageMath
{
    /// <summary>Certified on <paramref name="day"/>: holds at least one certificate of a counted programme valid that day
    /// (issued, not expired — the expiry day itself counts — and not revoked).</summary>
    public static bool IsCertified(IEnumerable<CertificateFact> facts, DateOnly day) => facts.Any(f => f.IsValidOn(day));

    /// <summary>Coverage of a population (user ids; duplicates are counted once) on one day.</summary>
    public static CoveragePoint At(IEnumerable<string> population, ILookup<string, CertificateFact> facts, DateOnly day)
    {
        var people = population.ToHashSet(StringComparer.Ordinal);
        var certified = people.Count(id => IsCertified(facts[id], day));
        return new CoveragePoint(day, people.Count, certified);
    }

    /// <summary>The last day of each of the <paramref name="months"/> months before <paramref name="asOf"/>'s month, then asOf itself.</summary>
    public static IReadOnlyList<DateOnly> TrendDates(DateOnly asOf, int months = 12)
    {
        var firstOfMonth = new DateOnly(asOf.Year, asOf.Month, 1);
        var dates = new List<DateOnly>(months + 1);
        for (var i = months; i >= 1; i--) dates.Add(firstOfMonth.AddMonths(-i + 1).AddDays(-1));
        dates.Add(asOf);
        return dates;
    }

    /// <summary>Least-squares line through the points (x in days), evaluated on <paramref name="day"/>, clamped to 0–100.
    /// Null with fewer than two points or an empty population.</summary>
    public static decimal? Forecast(IReadOnlyList<CoveragePoint> trend, DateOnly day)
    {
        var points = trend.Where(p => p.Population > 0).ToList();
        if (points.Count < 2) return null;
        var origin = points[0].On.DayNumber;
        double n = points.Count, sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var p in points)
        {
            double x = p.On.DayNumber - origin, y = (double)p.Percent!.Value;
            sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        var denominator = n * sxx - sx * sx;
        if (Math.Abs(denominator) < 1e-9) return (decimal)(sy / n);
        var slope = (n * sxy - sx * sy) / denominator;
        var intercept = (sy - slope * sx) / n;
        var value = intercept + slope * (day.DayNumber - origin);
        return (decimal)Math.Round(Math.Clamp(value, 0, 100), 1);
    }

    /// <summary>Met when the value reaches the milestone ("trên 80 %" strictly above, "đạt 100 %" at least).</summary>
    public static bool Reaches(decimal percent, decimal threshold, bool strict) => strict ? percent > threshold : percent >= threshold;

    /// <summary>Status of a milestone on <paramref name="asOf"/>: a past milestone is met or missed by the coverage on its due day;
    /// a future one is on track when the forecast reaches it, at risk otherwise.</summary>
    public static MilestoneStatus Status(decimal threshold, bool strict, DateOnly dueOn, DateOnly asOf, decimal? coverageOnDue, decimal current, decimal? forecast)
    {
        if (dueOn <= asOf) return coverageOnDue is { } c && Reaches(c, threshold, strict) ? MilestoneStatus.Met : MilestoneStatus.Missed;
        if (Reaches(current, threshold, strict)) return MilestoneStatus.OnTrack;
        return forecast is { } f && Reaches(f, threshold, strict) ? MilestoneStatus.OnTrack : MilestoneStatus.AtRisk;
    }

    /// <summary>Counts per unit of a tree, for several days at once. Each person is credited once to every unit of
    /// <paramref name="subtree"/> that contains one of their memberships (directly or below it), so a person in two
    /// units is counted once in each unit and once in their common ancestors.</summary>
    public static TreeCounts Aggregate(IReadOnlyList<PersonInfo> people, IReadOnlyDictionary<Guid, Guid?> parentOf,
        IReadOnlySet<Guid> subtree, ILookup<string, CertificateFact> facts, IReadOnlyList<DateOnly> days)
    {
        var counts = new TreeCounts(days);
        var credited = new HashSet<Guid>();
        var certified = new bool[days.Count];
        foreach (var person in people)
        {
            credited.Clear();
            foreach (var unit in person.UnitIds)
            {
                Guid? current = unit;
                while (current is { } id && subtree.Contains(id) && credited.Add(id)) current = parentOf.GetValueOrDefault(id);
            }
            if (credited.Count == 0) continue;
            // Certified on a day: any of the person's facts valid that day (IsCertified, without a closure per person and day).
            Array.Clear(certified);
            foreach (var fact in facts[person.UserId])
                for (var i = 0; i < certified.Length; i++) certified[i] |= fact.IsValidOn(days[i]);
            foreach (var id in credited) counts.Add(id, certified);
        }
        return counts;
    }
}

/// <summary>Population and certified counts of one population on one day.</summary>
public sealed record CoveragePoint(DateOnly On, int Population, int Certified)
{
    /// <summary>Percentage, one decimal; null for an empty population (shown "—": nobody to cover is not 0 % covered).</summary>
    public decimal? Percent => Population == 0 ? null : Math.Round(100m * Certified / Population, 1);
}

public enum MilestoneStatus
{
    OnTrack,
    AtRisk,
    Missed,
    Met,

    /// <summary>Nobody of the unit belongs to the target's population: no share to judge.</summary>
    NoPopulation,
}

/// <summary>Per-unit population and certified counts on a list of days.</summary>
public sealed class TreeCounts(IReadOnlyList<DateOnly> days)
{
    private readonly Dictionary<Guid, int> _population = [];
    private readonly Dictionary<Guid, int[]> _certified = [];

    public IReadOnlyList<DateOnly> Days { get; } = days;

    internal void Add(Guid unit, int population, int[] certified)
    {
        _population[unit] = _population.GetValueOrDefault(unit) + population;
        if (!_certified.TryGetValue(unit, out var row)) _certified[unit] = row = new int[Days.Count];
        for (var i = 0; i < row.Length; i++) row[i] += certified[i];
    }

    internal void Add(Guid unit, bool[] certifiedOn)
    {
        _population[unit] = _population.GetValueOrDefault(unit) + 1;
        if (!_certified.TryGetValue(unit, out var row)) _certified[unit] = row = new int[Days.Count];
        for (var i = 0; i < row.Length; i++) if (certifiedOn[i]) row[i]++;
    }

    public int Population(Guid unit) => _population.GetValueOrDefault(unit);

    public CoveragePoint Point(Guid unit, DateOnly day)
    {
        var index = IndexOf(day);
        return new CoveragePoint(day, Population(unit), _certified.TryGetValue(unit, out var row) ? row[index] : 0);
    }

    public IReadOnlyList<CoveragePoint> Series(Guid unit) => Days.Select(d => Point(unit, d)).ToList();

    private int IndexOf(DateOnly day)
    {
        for (var i = 0; i < Days.Count; i++) if (Days[i] == day) return i;
        throw new ArgumentOutOfRangeException(nameof(day), day, "Day not aggregated.");
    }
}
