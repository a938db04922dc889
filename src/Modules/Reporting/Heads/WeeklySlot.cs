namespace Training.Reporting.Heads;

/// <summary>The weekly digest's slot: a day of the week at a local (UTC+7) hour.</summary>
public static class WeeklySlot
{
    /// <summary>The latest slot at or before <paramref name="now"/> (a Vietnam-local time).</summary>
    public static DateTimeOffset LastAtOrBefore(DateTimeOffset now, DayOfWeek day, int hour)
    {
        var date = now.Date.AddDays(-(((int)now.DayOfWeek - (int)day + 7) % 7));
        var slot = new DateTimeOffset(date.AddHours(Math.Clamp(hour, 0, 23)), now.Offset);
        return slot <= now ? slot : slot.AddDays(-7);
    }
}
