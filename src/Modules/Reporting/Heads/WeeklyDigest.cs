using System.Globalization;
using System.Text;
using Training.Reporting.Coverage;

namespace Training.Reporting.Heads;

/// <summary>The texts of the weekly digests: to a unit head, the overdue and expiring people of their subtrees; to HR,
/// per unit of their scope, how many are overdue and expiring. Pure functions, so the composition is tested alone.</summary>
public static class WeeklyDigest
{
    /// <summary>At most this many people are named in one digest; the rest are counted (the page lists them all).</summary>
    public const int MaxNamed = 15;

    /// <summary>The notification body's column length.</summary>
    public const int MaxBody = 4000;

    /// <summary>"2026-W48": ISO 8601 week-numbering year and week, the digest's idempotency period.</summary>
    public static string Week(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    public static string HeadKey(string userId, DateOnly day) => $"head-digest:{userId}:{Week(day)}";

    public static string HrKey(string userId, DateOnly day) => $"hr-digest:{userId}:{Week(day)}";

    /// <summary>Null when nobody is overdue or expiring: a digest with nothing to act on is not sent.</summary>
    public static (string Title, string Body)? ForHead(IReadOnlyCollection<TeamRow> people, DateOnly today)
    {
        var flagged = people.Where(p => p.NeedsReminder).ToList();
        if (flagged.Count == 0) return null;
        var overdue = flagged.Where(p => p.Overdue > 0).OrderBy(p => p.OldestOverdueOn).ThenBy(p => p.Person.StaffCode, StringComparer.Ordinal).ToList();
        var expiring = flagged.Where(p => p.Expiring > 0).OrderBy(p => p.NextExpiryOn).ThenBy(p => p.Person.StaffCode, StringComparer.Ordinal).ToList();
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Tình hình học tập của đơn vị tuần {Week(today)} (tính đến ngày {Display.Date(today)}).\n");
        Section(body, $"Quá hạn hoàn thành khóa học được giao: {overdue.Count} người", overdue,
            p => $"{p.Overdue} khóa quá hạn, hạn sớm nhất {Display.Date(p.OldestOverdueOn)}");
        Section(body, $"Chứng chỉ sắp hết hạn: {expiring.Count} người", expiring,
            p => $"{p.Expiring} chứng chỉ, hết hạn {Display.Date(p.NextExpiryOn)}");
        body.Append("\nXem và nhắc việc từng người tại trang \"Đơn vị của tôi\" (/my-units).");
        return ($"Tổng hợp tuần {Week(today)}: {overdue.Count} người quá hạn, {expiring.Count} người có chứng chỉ sắp hết hạn", Clamp(body.ToString()));
    }

    /// <summary>One line per unit (the person's primary unit) with someone overdue or expiring; null when there is none.</summary>
    public static (string Title, string Body)? ForHr(IReadOnlyCollection<TeamRow> people, DateOnly today)
    {
        var units = people.Where(p => p.NeedsReminder)
            .GroupBy(p => p.Person.PrimaryUnitName ?? "(chưa có đơn vị)")
            .Select(g => (Unit: g.Key, Overdue: g.Count(p => p.Overdue > 0), Expiring: g.Count(p => p.Expiring > 0)))
            .OrderByDescending(u => u.Overdue).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        if (units.Count == 0) return null;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Tổng hợp theo đơn vị tuần {Week(today)} (tính đến ngày {Display.Date(today)}):\n");
        foreach (var u in units) body.Append(CultureInfo.InvariantCulture, $"- {u.Unit}: {u.Overdue} người quá hạn, {u.Expiring} người có chứng chỉ sắp hết hạn\n");
        return ($"Tổng hợp tuần {Week(today)} theo đơn vị: {units.Sum(u => u.Overdue)} người quá hạn, {units.Sum(u => u.Expiring)} người sắp hết hạn chứng chỉ",
            Clamp(body.ToString().TrimEnd()));
    }

    /// <summary>Cuts at the last whole line that fits, so a long unit list never overflows the stored body.</summary>
    public static string Clamp(string body)
    {
        if (body.Length <= MaxBody) return body;
        var cut = body.LastIndexOf('\n', MaxBody - 2);
        return body[..(cut > 0 ? cut : MaxBody - 2)] + "\n…";
    }

    private static void Section(StringBuilder body, string heading, List<TeamRow> rows, Func<TeamRow, string> detail)
    {
        if (rows.Count == 0) return;
        body.Append('\n').Append(heading).Append('\n');
        foreach (var p in rows.Take(MaxNamed))
            body.Append(CultureInfo.InvariantCulture, $"- {p.Person.FullName} ({p.Person.StaffCode}, {p.Person.PrimaryUnitName}): {detail(p)}\n");
        if (rows.Count > MaxNamed) body.Append(CultureInfo.InvariantCulture, $"… và {rows.Count - MaxNamed} người khác.\n");
    }
}
