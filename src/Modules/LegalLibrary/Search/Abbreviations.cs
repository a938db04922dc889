using System.Text.RegularExpressions;

namespace Training.LegalLibrary.Search;

/// <summary>Abbreviations people type for documents and document types, written out before the query is read, so
/// that "Điều 8 Luật ANM", "BLHS 2015" or "NĐ 13/2023" name their documents like the full names do. Type abbreviations
/// (NĐ, TT, TTLT, QĐ) only count before a number: alone, "TT" is as likely "thông tin" or "trật tự".</summary>
public static partial class Abbreviations
{
    /// <summary>Folded abbreviation → what it stands for (the document's name).</summary>
    private static readonly Dictionary<string, string> Documents = new(StringComparer.Ordinal)
    {
        ["anm"] = "Luật An ninh mạng",
        ["attt"] = "Luật An toàn thông tin mạng",
        ["blhs"] = "Bộ luật Hình sự",
        ["blds"] = "Bộ luật Dân sự",
        ["blld"] = "Bộ luật Lao động",
        ["cntt"] = "Luật Công nghệ thông tin",
    };

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["nd"] = "Nghị định",
        ["tt"] = "Thông tư",
        ["ttlt"] = "Thông tư liên tịch",
        ["qd"] = "Quyết định",
    };

    [GeneratedRegex(@"(?<![\p{L}\d])(?<pre>(?:bộ\s+)?luật\s+|(?:bo\s+)?luat\s+)?(?<abbr>ANM|ATTT|BLHS|BLDS|BLLĐ|BLLD|CNTT)(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentAbbreviation();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<abbr>NĐ|ND|TTLT|TT|QĐ|QD)\s*(?:số\s+|so\s+)?(?=\d{1,4}\s*/)", RegexOptions.IgnoreCase)]
    private static partial Regex TypeAbbreviation();

    /// <summary>The text with known abbreviations written out ("Luật ANM" → "Luật An ninh mạng").</summary>
    public static string Expand(string text)
    {
        // The type word before the abbreviation ("Luật ANM") is part of the match: the full name replaces both.
        text = DocumentAbbreviation().Replace(text, m => Documents[Folding.Fold(m.Groups["abbr"].Value).ToLowerInvariant()]);
        return TypeAbbreviation().Replace(text, m => Types[Folding.Fold(m.Groups["abbr"].Value).ToLowerInvariant()] + " ");
    }
}
