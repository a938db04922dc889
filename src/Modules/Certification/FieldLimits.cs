using System.Globalization;
using Training.Abstractions.Text;

namespace Training.Certification;

/// <summary>Length limits of Certification's forms (issue 10, item 4): a value over its limit is refused with the field
/// named, never truncated. Limits come from <see cref="TextLimits"/>, lowered where the column is narrower.</summary>
internal static class FieldLimits
{
    /// <summary>The place name and the signer's authority lines are stored in 100 and 300 characters.</summary>
    public const int Place = 100;
    public const int SignerTitle = 300;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The first field over its limit, as a Vietnamese error naming it; null when every field fits.</summary>
    public static string? Check(params (string Label, string? Value, int Max)[] fields)
    {
        foreach (var (label, value, max) in fields)
            if (value is { Length: var n } && n > max)
                return $"{label}: tối đa {max.ToString("N0", Vi)} ký tự (đang có {n.ToString("N0", Vi)}).";
        return null;
    }

    /// <summary>A reason (issue, revocation, reissue) is one line of free text.</summary>
    public static string? Reason(string reason) => Check(("Lý do", reason, TextLimits.Line));
}
