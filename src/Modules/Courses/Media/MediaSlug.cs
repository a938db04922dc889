using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Training.Courses.Media;

/// <summary>The name a lesson uses for a library item (<c>media:so-do-quy-trinh</c>): lower-case ASCII letters, digits
/// and single hyphens. Proposed from the title (Vietnamese letters folded: «Sơ đồ quy trình» → <c>so-do-quy-trinh</c>).</summary>
public static partial class MediaSlug
{
    public const int MaxLength = 80;

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(slug);

    public static string FromTitle(string title)
    {
        var folded = new StringBuilder(title.Length);
        foreach (var c in title.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = Hyphens().Replace(folded.ToString(), "-").Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
