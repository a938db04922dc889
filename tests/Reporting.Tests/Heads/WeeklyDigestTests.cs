using Training.Abstractions.Organisation;
using Training.Reporting.Heads;

namespace Training.Reporting.Tests.Heads;

public sealed class WeeklyDigestTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static TeamRow Row(string code, string unit, int overdue = 0, int expiring = 0, DateOnly? since = null, DateOnly? expires = null) =>
        new(new PersonInfo(code, "Người " + code, code, null, Guid.Empty, unit, null, null, []), overdue + 1, 0, overdue, since, expiring, expiring, expires);

    [Theory]
    [InlineData(2026, 11, 23, "2026-W48")]
    [InlineData(2026, 12, 31, "2026-W53")]
    [InlineData(2027, 1, 1, "2026-W53")] // a Friday: still the last ISO week of 2026
    [InlineData(2027, 1, 4, "2027-W01")]
    public void WeekIsTheIsoWeek(int y, int m, int d, string expected) => Assert.Equal(expected, WeeklyDigest.Week(new(y, m, d)));

    [Fact]
    public void HeadDigestListsOverdueOldestFirstAndExpiringSoonestFirst()
    {
        var rows = new[]
        {
            Row("A2", "Trường A", overdue: 1, since: new(2026, 11, 10)),
            Row("A1", "Trường A", overdue: 2, since: new(2026, 10, 1)),
            Row("A3", "Trường A", expiring: 1, expires: new(2026, 12, 5)),
            Row("A4", "Trường A"),
        };

        var (title, body) = WeeklyDigest.ForHead(rows, Today)!.Value;

        Assert.Equal("Tổng hợp tuần 2026-W48: 2 người quá hạn, 1 người có chứng chỉ sắp hết hạn", title);
        Assert.True(body.IndexOf("Người A1", StringComparison.Ordinal) < body.IndexOf("Người A2", StringComparison.Ordinal));
        Assert.Contains("hạn sớm nhất 01/10/2026", body);
        Assert.Contains("hết hạn 05/12/2026", body);
        Assert.DoesNotContain("Người A4", body);
    }

    [Fact]
    public void HeadDigestNamesAtMostFifteenAndCountsTheRest()
    {
        var rows = Enumerable.Range(1, 40).Select(i => Row($"P{i:00}", "Trường A", overdue: 1, since: new(2026, 11, 1))).ToList();

        var (_, body) = WeeklyDigest.ForHead(rows, Today)!.Value;

        Assert.Contains("… và 25 người khác.", body);
        Assert.True(body.Length <= WeeklyDigest.MaxBody);
    }

    [Fact]
    public void NothingToReportGivesNoDigest()
    {
        Assert.Null(WeeklyDigest.ForHead([Row("A1", "Trường A")], Today));
        Assert.Null(WeeklyDigest.ForHr([Row("A1", "Trường A")], Today));
    }

    [Fact]
    public void HrDigestSummarisesPerUnitMostOverdueFirst()
    {
        var rows = new[]
        {
            Row("A1", "Trường A", overdue: 1), Row("B1", "Trường B", overdue: 1), Row("B2", "Trường B", expiring: 1),
            Row("B3", "Trường B", overdue: 1, expiring: 1),
        };

        var (title, body) = WeeklyDigest.ForHr(rows, Today)!.Value;

        Assert.Equal("Tổng hợp tuần 2026-W48 theo đơn vị: 3 người quá hạn, 2 người sắp hết hạn chứng chỉ", title);
        Assert.True(body.IndexOf("Trường B: 2 người quá hạn, 2 người", StringComparison.Ordinal) < body.IndexOf("Trường A: 1 người quá hạn", StringComparison.Ordinal));
    }

    [Fact]
    public void ClampCutsAtALineAndStaysWithinTheColumn()
    {
        var body = string.Join('\n', Enumerable.Repeat(new string('x', 99), 100));

        var clamped = WeeklyDigest.Clamp(body);

        Assert.True(clamped.Length <= WeeklyDigest.MaxBody);
        Assert.EndsWith("\n…", clamped);
    }
}
