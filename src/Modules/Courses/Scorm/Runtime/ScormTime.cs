using System.Globalization;
using System.Text.RegularExpressions;

namespace Training.Courses.Scorm.Runtime;

/// <summary>Session and total times in both editions' formats.</summary>
public static partial class ScormTime
{
    /// <summary>Seconds of a 1.2 CMITimespan (<c>HHHH:MM:SS.SS</c>) or a 2004 duration (<c>PT1H2M3.5S</c>, years as
    /// 365 days and months as 30, as the 2004 books allow), or null when it is neither.</summary>
    public static decimal? ParseSeconds(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (Regex.IsMatch(value, CmiPatterns.Timespan12))
        {
            var p = value.Split(':');
            return int.Parse(p[0], CultureInfo.InvariantCulture) * 3600m + int.Parse(p[1], CultureInfo.InvariantCulture) * 60m
                + decimal.Parse(p[2], CultureInfo.InvariantCulture);
        }
        var m = Duration().Match(value);
        if (!m.Success || !Regex.IsMatch(value, CmiPatterns.Interval)) return null;
        decimal Part(string g, decimal unit) => m.Groups[g].Success ? decimal.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) * unit : 0;
        return Part("y", 365 * 86400m) + Part("mo", 30 * 86400m) + Part("d", 86400m) + Part("h", 3600m) + Part("mi", 60m) + Part("s", 1m);
    }

    public static string ToTimespan12(decimal seconds)
    {
        var total = Math.Min(seconds, 9999 * 3600m + 3599.99m);
        var h = (int)(total / 3600);
        var min = (int)(total % 3600 / 60);
        var s = total % 60;
        return string.Create(CultureInfo.InvariantCulture, $"{h:0000}:{min:00}:{s:00.00}");
    }

    public static string ToInterval(decimal seconds)
    {
        var h = (int)(seconds / 3600);
        var min = (int)(seconds % 3600 / 60);
        var s = Math.Round(seconds % 60, 2);
        return string.Create(CultureInfo.InvariantCulture, $"PT{h}H{min}M{s:0.##}S");
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$")]
    private static partial Regex Duration();
}
