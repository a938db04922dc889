using System.Globalization;
using System.Text.RegularExpressions;

namespace Training.Reporting.Deadlines;

/// <summary>A plan's yearly reporting deadline ("trước ngày 20/11 hằng năm"): a day and month recurring every year.
/// 29/02 falls on 28/02 in other years.</summary>
public sealed partial record ReportDeadline(int Day, int Month)
{
    public const int DefaultLeadDays = 14;
    public const int MaxLeadDays = 180;

    /// <summary>The deadline in the given year.</summary>
    public DateOnly In(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));

    /// <summary>The first deadline on or after <paramref name="today"/>.</summary>
    public DateOnly NextOnOrAfter(DateOnly today) => In(today.Year) >= today ? In(today.Year) : In(today.Year + 1);

    /// <summary>The deadline whose sending window [deadline − lead, deadline] contains <paramref name="today"/>; null
    /// outside every window. The report sent is the one of the deadline's year.</summary>
    public DateOnly? DueForSending(DateOnly today, int leadDays)
    {
        var next = NextOnOrAfter(today);
        return today >= next.AddDays(-leadDays) ? next : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Day:00}/{Month:00}");

    /// <summary>"20/11" (also "20/11/2026", whose year is ignored, or "20-11"); null with an error for anything else.</summary>
    public static ReportDeadline? Parse(string? text, out string? error)
    {
        error = null;
        var m = DayMonth().Match(text?.Trim() ?? "");
        if (!m.Success)
        {
            error = "Hạn báo cáo hằng năm: cần có dạng ngày/tháng, ví dụ 20/11.";
            return null;
        }
        var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        // A leap year accepts 29/02; any other invalid day (31/04, 32/01) is refused.
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
        {
            error = $"Hạn báo cáo hằng năm: “{text!.Trim()}” không phải ngày/tháng hợp lệ.";
            return null;
        }
        return new ReportDeadline(day, month);
    }

    [GeneratedRegex(@"^(\d{1,2})[/\-.](\d{1,2})(?:[/\-.]\d{4})?$")]
    private static partial Regex DayMonth();
}
