using System.Globalization;
using System.Text;

namespace Training.Platform.Text;

/// <summary>Text helpers shared by modules: NFC normalisation, diacritic folding, Vietnamese date lines.</summary>
public static class VietnameseText
{
    /// <summary>NFC-normalised, trimmed, inner white space collapsed.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var nfc = value.Normalize(NormalizationForm.FormC).Trim();
        var sb = new StringBuilder(nfc.Length);
        var space = false;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        return sb.ToString();
    }

    /// <summary>Lowercase ASCII folding: removes diacritics and maps đ/Đ to d.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The administrative place-and-date line: "Ninh Bình, ngày 20 tháng 11 năm 2026".
    /// Nghị định 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero.</summary>
    public static string PlaceAndDate(string place, DateOnly date)
    {
        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place}, ngày {date.Day.ToString("00", CultureInfo.InvariantCulture)} tháng {month} năm {date.Year}";
    }

    /// <summary>A slug for URLs: folded, non-alphanumerics to '-'.</summary>
    public static string Slug(string value)
    {
        var folded = Fold(value);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
