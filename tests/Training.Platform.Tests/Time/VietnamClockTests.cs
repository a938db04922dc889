using Microsoft.Extensions.Time.Testing;
using Training.Platform.Time;

namespace Training.Platform.Tests.Time;

public sealed class VietnamClockTests
{
    [Fact]
    public void HalfPastMidnightInVietnamIsAlreadyTheNextDayWhileUtcIsStillTheDayBefore()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), clock.Today());
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(7)), clock.Now());
        Assert.Equal(TimeSpan.FromHours(7), clock.Now().Offset);
    }

    [Fact]
    public void StartOfADayIsMidnightInVietnam()
    {
        var start = VietnamClock.StartOf(new DateOnly(2026, 11, 22));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
        Assert.Equal(new DateOnly(2026, 11, 22), VietnamClock.DateOf(start));
        Assert.Equal(new DateOnly(2026, 11, 21), VietnamClock.DateOf(start.AddTicks(-1)));
    }

    [Fact]
    public void AWallClockTimeTypedInAFormIsReadAsVietnamTime()
    {
        var at = VietnamClock.At(new DateTime(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero), at.ToUniversalTime());
        Assert.Equal("29/11/2026 08:00", at.ToUniversalTime().InVietnam().ToString("dd/MM/yyyy HH:mm"));
    }
}
