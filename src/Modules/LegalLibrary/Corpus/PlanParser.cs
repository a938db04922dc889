using System.Text.RegularExpressions;
using Training.Platform.Text;

namespace Training.LegalLibrary.Corpus;

/// <summary>Reads the plain text of an administrative plan (Kế hoạch): an optional number line (<c>Số: 58 /KH-SGDĐT</c>),
/// an optional place-and-date line, the <c>KẾ HOẠCH</c> heading and its title, a preamble, sections <c>I.</c>, <c>II.</c>
/// (items <c>1.</c>, <c>a)</c>, <c>-</c> stay in the section text), up to the signature block (<c>Nơi nhận:</c>).
/// Sections are the search granularity.</summary>
public static partial class PlanParser
{
    [GeneratedRegex(@"^Số\s*:\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^([IVX]{1,5})\.\s*(.+)$")]
    private static partial Regex Section();

    /// <summary>Issuers of the plans in the corpus, which their text gives only in the signature block.</summary>
    private static readonly Dictionary<string, string> Issuers = new()
    {
        ["cat-hai-ubnd-ke-hoach-311-2023"] = "UBND huyện Cát Hải",
        ["dak-nong-skhcn-ke-hoach-tuyen-truyen-2020"] = "Sở Khoa học và Công nghệ tỉnh Đắk Nông",
        ["lang-son-sngv-ke-hoach-311-2022"] = "Sở Ngoại vụ tỉnh Lạng Sơn",
        ["ninh-binh-sgddt-58-kh-2017"] = "Sở Giáo dục và Đào tạo tỉnh Ninh Bình",
        ["tien-giang-ubnd-ke-hoach-de-an-1278"] = "UBND tỉnh Tiền Giang",
    };

    public static ParsedDocument Parse(string fileName, string content)
    {
        var lines = content.Replace("\r", "").Split('\n').Select(TextLines.CleanLine).ToArray();
        if (lines.All(l => l.Length == 0)) throw new CorpusFormatException(fileName, 1, "the file is empty");
        var heading = Array.FindIndex(lines, l => VietnameseText.Fold(l) == "ke hoach");
        if (heading < 0) throw new CorpusFormatException(fileName, 1, "not a plan: no \"KẾ HOẠCH\" heading line");
        var stem = Path.GetFileNameWithoutExtension(fileName);

        var number = "";
        DateOnly? date = null;
        foreach (var l in lines.Take(heading))
        {
            var n = NumberLine().Match(l);
            if (n.Success) number = TextLines.NormaliseNumber(n.Groups[1].Value);
            var d = PlaceDate().Match(l);
            if (d.Success)
            {
                if (!DateOnly.TryParse($"{d.Groups[4].Value}-{d.Groups[3].Value}-{d.Groups[2].Value}", System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                    throw new CorpusFormatException(fileName, Array.IndexOf(lines, l) + 1, "invalid date in the place-and-date line");
                date = parsed;
            }
        }

        // The title runs from the line after KẾ HOẠCH to the first blank line.
        var i = heading + 1;
        while (i < lines.Length && lines[i].Length == 0) i++;
        var title = new List<string>();
        while (i < lines.Length && lines[i].Length > 0 && !Section().IsMatch(lines[i])) title.Add(lines[i++]);
        if (title.Count == 0) throw new CorpusFormatException(fileName, heading + 1, "the plan has no title after \"KẾ HOẠCH\"");

        var sections = new List<ParsedArticle>();
        var preamble = new List<string>();
        string? secNumber = null, secTitle = null;
        var body = new List<string>();
        for (; i < lines.Length; i++)
        {
            var l = lines[i];
            if (l.StartsWith("Nơi nhận", StringComparison.Ordinal)) break;
            var s = Section().Match(l);
            if (s.Success)
            {
                Flush();
                secNumber = s.Groups[1].Value;
                secTitle = s.Groups[2].Value.Trim();
                continue;
            }
            (secNumber is null ? preamble : body).Add(l);
        }
        Flush();
        if (preamble.Any(p => p.Length > 0))
            sections.Insert(0, new ParsedArticle("mo-dau", "", "Mở đầu", TextLines.JoinParagraphs(preamble), ""));
        if (sections.Count == 0) throw new CorpusFormatException(fileName, heading + 1, "the plan has no sections");
        var fullTitle = "Kế hoạch " + string.Join(' ', title).TrimEnd('.');
        return new ParsedDocument(VietnameseText.Slug(stem), number, "Kế hoạch", VietnameseText.Clean(fullTitle),
            Issuers.GetValueOrDefault(stem, ""), date, null, "plan", null, fileName, sections);

        void Flush()
        {
            if (secNumber is null) return;
            sections.Add(new ParsedArticle($"muc-{secNumber.ToLowerInvariant()}", secNumber, Sentence(secTitle!), TextLines.JoinParagraphs(body), ""));
            body.Clear();
        }
    }

    /// <summary>Section titles are written in capitals; shown in sentence case.</summary>
    private static string Sentence(string s)
    {
        var lower = s.ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        return s == s.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) && lower.Length > 0 ? char.ToUpper(lower[0]) + lower[1..] : s;
    }
}
