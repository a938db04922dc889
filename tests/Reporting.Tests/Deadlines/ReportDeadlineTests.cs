using Training.Reporting.Deadlines;

namespace Training.Reporting.Tests.Deadlines;

public sealed class ReportDeadlineTests
{
    private static readonly ReportDeadline LangSon = new(20, 11);

    [Theory]
    [InlineData("2026-11-05", "2026-11-20")] // 15 days before: outside the default 14
    [InlineData("2026-11-06", "2026-11-20")]
    [InlineData("2026-11-20", "2026-11-20")] // the deadline day itself
    [InlineData("2026-11-21", "2027-11-20")] // the day after: next year's
    public void NextDeadlineIsOnOrAfterToday(string today, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), LangSon.NextOnOrAfter(DateOnly.Parse(today)));

    [Theory]
    [InlineData("2026-11-05", null)]
    [InlineData("2026-11-06", "2026-11-20")]
    [InlineData("2026-11-20", "2026-11-20")]
    [InlineData("2026-11-21", null)]
    public void SendingWindowIsTheLeadDaysUpToTheDeadline(string today, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), LangSon.DueForSending(DateOnly.Parse(today), ReportDeadline.DefaultLeadDays));

    [Fact]
    public void WindowCrossesTheNewYear() =>
        Assert.Equal(new DateOnly(2027, 1, 5), new ReportDeadline(5, 1).DueForSending(new(2026, 12, 25), 14));

    [Fact]
    public void LeapDayFallsOnTheTwentyEighthInOtherYears()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), new ReportDeadline(29, 2).In(2027));
        Assert.Equal(new DateOnly(2028, 2, 29), new ReportDeadline(29, 2).In(2028));
    }

    [Theory]
    [InlineData("20/11", 20, 11)]
    [InlineData("5-1", 5, 1)]
    [InlineData("20/11/2026", 20, 11)]
    [InlineData("29/02", 29, 2)]
    public void ParsesDayAndMonth(string text, int day, int month) =>
        Assert.Equal(new ReportDeadline(day, month), ReportDeadline.Parse(text, out _));

    [Theory]
    [InlineData("31/04")]
    [InlineData("32/01")]
    [InlineData("20/13")]
    [InlineData("tháng 11")]
    [InlineData("")]
    public void RefusesWhatIsNotADayOfAMonth(string text)
    {
        Assert.Null(ReportDeadline.Parse(text, out var error));
        Assert.StartsWith("Hạn báo cáo hằng năm:", error);
    }
}
