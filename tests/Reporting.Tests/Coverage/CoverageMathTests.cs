using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Reporting.Coverage;

namespace Training.Reporting.Tests.Coverage;

public sealed class CoverageMathTests
{
    private static readonly Guid Programme = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 6, 30);

    private static CertificateFact Fact(string user, DateOnly issued, DateOnly? expires = null, DateOnly? revoked = null) =>
        new(Guid.NewGuid(), user, Programme, issued, expires, revoked, null, "S", "V");

    private static PersonInfo Person(string id, params Guid[] units) => new(id, id, id, null, units.FirstOrDefault(), null, null, "giáo viên", units);

    [Fact]
    public void CertificateCountsOnItsExpiryDayAndNotTheDayAfter()
    {
        var facts = new[] { Fact("a", new(2024, 1, 1), expires: Day) }.ToLookup(f => f.UserId);

        Assert.Equal(1, CoverageMath.At(["a"], facts, Day).Certified);
        Assert.Equal(0, CoverageMath.At(["a"], facts, Day.AddDays(1)).Certified);
    }

    [Fact]
    public void RevokedCertificateStopsCountingOnTheRevocationDay()
    {
        var facts = new[] { Fact("a", new(2024, 1, 1), revoked: Day) }.ToLookup(f => f.UserId);

        Assert.Equal(1, CoverageMath.At(["a"], facts, Day.AddDays(-1)).Certified);
        Assert.Equal(0, CoverageMath.At(["a"], facts, Day).Certified);
    }

    [Fact]
    public void CoverageAsOfAPastDateUsesTheHistory()
    {
        var facts = new[] { Fact("a", new(2025, 3, 1), expires: new(2026, 2, 28)), Fact("b", new(2026, 1, 10)) }.ToLookup(f => f.UserId);

        Assert.Equal(0m, CoverageMath.At(["a", "b"], facts, new(2025, 2, 28)).Percent);
        Assert.Equal(50m, CoverageMath.At(["a", "b"], facts, new(2025, 12, 31)).Percent);
        Assert.Equal(100m, CoverageMath.At(["a", "b"], facts, new(2026, 2, 1)).Percent);
        Assert.Equal(50m, CoverageMath.At(["a", "b"], facts, new(2026, 3, 1)).Percent);
    }

    [Fact]
    public void PersonInTwoUnitsIsCountedOnceInTheirCommonParent()
    {
        Guid root = Guid.NewGuid(), school1 = Guid.NewGuid(), school2 = Guid.NewGuid(), other = Guid.NewGuid();
        var parents = new Dictionary<Guid, Guid?> { [root] = null, [school1] = root, [school2] = root, [other] = null };
        var subtree = new HashSet<Guid> { root, school1, school2 };
        var people = new[] { Person("a", school1, school2), Person("b", school1), Person("c", other) };
        var facts = new[] { Fact("a", new(2025, 1, 1)) }.ToLookup(f => f.UserId);

        var counts = CoverageMath.Aggregate(people, parents, subtree, facts, [Day]);

        Assert.Equal(2, counts.Population(root));
        Assert.Equal(1, counts.Point(root, Day).Certified);
        Assert.Equal(50m, counts.Point(school1, Day).Percent);
        Assert.Equal(100m, counts.Point(school2, Day).Percent);
        Assert.Equal(0, counts.Population(other));
    }

    [Fact]
    public void TwoCertificatesOfOnePersonCountOnce()
    {
        var facts = new[] { Fact("a", new(2025, 1, 1)), Fact("a", new(2025, 6, 1)) }.ToLookup(f => f.UserId);

        Assert.Equal(new CoveragePoint(Day, 1, 1), CoverageMath.At(["a", "a"], facts, Day));
    }

    [Fact]
    public void TrendDatesAreTwelveMonthEndsThenTheDay()
    {
        var dates = CoverageMath.TrendDates(new DateOnly(2026, 11, 22));

        Assert.Equal(13, dates.Count);
        Assert.Equal(new DateOnly(2025, 11, 30), dates[0]);
        Assert.Equal(new DateOnly(2026, 10, 31), dates[11]);
        Assert.Equal(new DateOnly(2026, 11, 22), dates[12]);
    }

    [Fact]
    public void LinearForecastDecidesOnTrackOrAtRisk()
    {
        var trend = new[] { new CoveragePoint(new(2026, 1, 1), 100, 10), new CoveragePoint(new(2026, 7, 1), 100, 40) };
        var forecast = CoverageMath.Forecast(trend, new DateOnly(2027, 1, 1));

        Assert.NotNull(forecast);
        Assert.InRange(forecast.Value, 69m, 71m);
        Assert.Equal(MilestoneStatus.OnTrack, CoverageMath.Status(60, false, new(2027, 1, 1), new(2026, 7, 1), null, 40, forecast));
        Assert.Equal(MilestoneStatus.AtRisk, CoverageMath.Status(80, false, new(2027, 1, 1), new(2026, 7, 1), null, 40, forecast));
    }

    [Fact]
    public void PastMilestoneIsJudgedOnItsDueDayAndStrictMeansAbove()
    {
        Assert.Equal(MilestoneStatus.Missed, CoverageMath.Status(80, true, new(2025, 12, 31), Day, 80m, 95, null));
        Assert.Equal(MilestoneStatus.Met, CoverageMath.Status(80, true, new(2025, 12, 31), Day, 80.1m, 10, null));
        Assert.Equal(MilestoneStatus.Met, CoverageMath.Status(100, false, new(2025, 12, 31), Day, 100m, 10, null));
    }
}
