namespace Training.Platform.Time;

/// <summary>The one definition of dates and times in Vietnam (UTC+7 all year, no daylight saving), so that every
/// module agrees on what "today" is: a certificate issued, a deadline passed or a law in force at 00:30 local time
/// belongs to the local day, not to the UTC day before.</summary>
public static class VietnamClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The current instant expressed in Vietnam's offset.</summary>
    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    /// <summary>The instant expressed in Vietnam's offset, for display.</summary>
    public static DateTimeOffset InVietnam(this DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The date in Vietnam at that instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Midnight at the start of <paramref name="day"/> in Vietnam.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>A wall-clock time in Vietnam (e.g. typed in a form) as an instant.</summary>
    public static DateTimeOffset At(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    /// <summary>Time from <paramref name="now"/> to the next <paramref name="hour"/>:00 in Vietnam (a day later when that
    /// hour is now or past): the schedule of every nightly job.</summary>
    public static TimeSpan UntilNext(DateTimeOffset now, int hour)
    {
        var next = StartOf(DateOf(now)).AddHours(Math.Clamp(hour, 0, 23));
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }
}
