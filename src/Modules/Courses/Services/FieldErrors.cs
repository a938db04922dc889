using Training.Platform.Text;

namespace Training.Courses.Services;

/// <summary>The refusals of one form or import row, each naming its field. Text is cleaned (NFC, spaces collapsed)
/// and then measured; a value over its limit (<c>TextLimits</c>) is refused, never cut.</summary>
public sealed class FieldErrors : List<string>
{
    /// <summary>The cleaned value; adds an error when it is missing (if required) or longer than <paramref name="max"/>.</summary>
    public string Text(string field, string? value, int max, bool required = false)
    {
        var clean = VietnameseText.Clean(value);
        if (required && clean.Length == 0) Add($"{field}: chưa nhập.");
        else if (clean.Length > max) Add(TooLong(field, clean.Length, max));
        return clean;
    }

    /// <summary>Adds an error when the number is outside [min, max].</summary>
    public void Range(string field, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max) Add($"{field}: phải từ {min:0.##} đến {max:0.##}.");
    }

    public static string TooLong(string field, int length, int max) => $"{field}: dài {length} ký tự, vượt giới hạn {max} ký tự.";
}
