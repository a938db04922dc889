using Training.Abstractions.Text;
using Training.Platform.Text;

namespace Training.Reporting.Coverage;

/// <summary>Filters of the people list, shared by the page and its exports.</summary>
public sealed class PeopleFilter
{
    public Guid? Unit { get; set; }
    public DateOnly? AsOf { get; set; }
    public PersonStatus? Status { get; set; }
    public string? Category { get; set; }
    public string? Q { get; set; }

    /// <summary>Only the people placed in the unit itself (the "Trực tiếp tại …" row), not in its child units.</summary>
    public bool Direct { get; set; }

    /// <summary>The error naming the filter that is over its length limit; null when the filter can be applied.</summary>
    public string? Refused =>
        Q is { Length: > TextLimits.Line } ? $"Tên hoặc mã cán bộ: tối đa {TextLimits.Line} ký tự."
        : Category is { Length: > TextLimits.Line } ? $"Đối tượng: tối đa {TextLimits.Line} ký tự."
        : null;

    public IEnumerable<PersonRow> Apply(IEnumerable<PersonRow> rows)
    {
        if (Status is { } s) rows = rows.Where(r => r.Status == s);
        if (!string.IsNullOrWhiteSpace(Category)) rows = rows.Where(r => r.Category == Category);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Lower case without diacritics, so "nguyen" finds "Nguyễn" (an NFD query too).
            var q = VietnameseText.Fold(Q.Trim());
            rows = rows.Where(r => VietnameseText.Fold(r.FullName).Contains(q, StringComparison.Ordinal)
                || VietnameseText.Fold(r.StaffCode).Contains(q, StringComparison.Ordinal));
        }
        return rows.OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.StaffCode, StringComparer.Ordinal);
    }

    public string QueryString(PersonStatus? status = null, bool keepStatus = true)
    {
        var parts = new List<string>();
        if (Unit is { } u) parts.Add($"unit={u}");
        if (Direct) parts.Add("direct=true");
        if (AsOf is { } a) parts.Add($"asOf={a:yyyy-MM-dd}");
        var st = keepStatus ? status ?? Status : status;
        if (st is { } s) parts.Add($"status={s}");
        if (!string.IsNullOrWhiteSpace(Category)) parts.Add($"category={Uri.EscapeDataString(Category)}");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"q={Uri.EscapeDataString(Q)}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
