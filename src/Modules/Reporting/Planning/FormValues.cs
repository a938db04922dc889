using System.Globalization;
using Training.Platform.Text;

namespace Training.Reporting.Planning;

/// <summary>Parsing and checks shared by the plan and target forms; errors name the field in Vietnamese.</summary>
internal static class FormValues
{
    /// <summary>Refuses a value over its limit, naming the field (issue 10, item 4); never truncates.</summary>
    public static void Limit(string? value, int max, string field, string label, List<FieldError> errors)
    {
        if (value is { Length: var n } && n > max)
            errors.Add(new(field, $"{label}: tối đa {max.ToString("N0", Vi)} ký tự (đang có {n.ToString("N0", Vi)})."));
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A wrong value is echoed in its error only when short: a 5 MB "date" must not come back in the page.</summary>
    private static string Echo(string value) => value.Length <= 40 ? $"“{value}” " : "";

    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string? Optional(string? value) => VietnameseText.Clean(value) is { Length: > 0 } v ? v : null;

    public static DateOnly? ParseDate(string? text, string field, string label, List<FieldError> errors)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0) return null;
        if (DateOnly.TryParseExact(value, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(new(field, $"{label}: {Echo(value)}không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 31/12/2030)."));
        return null;
    }

    public static int? ParseYear(string? text, string field, string label, List<FieldError> errors)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1945 and <= 2100) return year;
        errors.Add(new(field, $"{label}: cần là năm từ 1945 đến 2100."));
        return null;
    }
}
