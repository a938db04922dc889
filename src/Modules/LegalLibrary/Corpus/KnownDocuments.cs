using Training.Platform.Text;

namespace Training.LegalLibrary.Corpus;

/// <summary>What the corpus files do not say: the real numbers, issuers and dates of the ALQAC laws (their files
/// only give a name or a number), and known replacements (corpus README). A small static table, checked against
/// the official texts; documents not listed keep what their files say.</summary>
public static class KnownDocuments
{
    public sealed record Known(string Slug, string Number, string Type, string Title, string Issuer, DateOnly? IssueDate, DateOnly? EffectiveDate,
        IReadOnlyList<string> Aliases);

    public sealed record Replacement(string ReplacedBy, DateOnly? From);

    private static readonly Known[] Alqac =
    [
        Law("Luật Phòng, chống ma túy", "73/2021/QH14", "2021-03-30", "2022-01-01"),
        Law("Luật Bảo vệ môi trường", "72/2020/QH14", "2020-11-17", "2022-01-01"),
        Law("Luật Viên chức", "58/2010/QH12", "2010-11-15", "2012-01-01"),
        Law("Luật Cư trú", "68/2020/QH14", "2020-11-13", "2021-07-01"),
        Law("Luật Tiếp cận thông tin", "104/2016/QH13", "2016-04-06", "2018-07-01"),
        Law("Luật Trồng trọt", "31/2018/QH14", "2018-11-19", "2020-01-01"),
        Law("Luật An ninh mạng", "24/2018/QH14", "2018-06-12", "2019-01-01"),
        Law("Luật Chăn nuôi", "32/2018/QH14", "2018-11-19", "2020-01-01"),
        new("hien-phap", "", "Hiến pháp", "Hiến pháp", "Quốc hội", D("2013-11-28"), D("2014-01-01"), ["hiến pháp 2013"]),
        Law("Luật Du lịch", "09/2017/QH14", "2017-06-19", "2018-01-01"),
        Law("Luật Tố tụng hành chính", "93/2015/QH13", "2015-11-25", "2016-07-01"),
        Law("Luật Hôn nhân và gia đình", "52/2014/QH13", "2014-06-19", "2015-01-01"),
        new("bo-luat-dan-su", "91/2015/QH13", "Bộ luật", "Bộ luật Dân sự", "Quốc hội", D("2015-11-24"), D("2017-01-01"),
            ["bộ luật dân sự", "bộ luật dân sự 2015", "luật dân sự", "blds"]),
        Law("Luật Điện ảnh", "05/2022/QH15", "2022-06-15", "2023-01-01"),
        Law("Luật Trọng tài thương mại", "54/2010/QH12", "2010-06-17", "2011-01-01"),
        Law("Luật Thanh niên", "57/2020/QH14", "2020-06-16", "2021-01-01"),
        Law("Luật Giáo dục", "43/2019/QH14", "2019-06-14", "2020-07-01"),
        new("bo-luat-lao-dong", "45/2019/QH14", "Bộ luật", "Bộ luật Lao động", "Quốc hội", D("2019-11-20"), D("2021-01-01"),
            ["bộ luật lao động", "bộ luật lao động 2019", "luật lao động", "blld", "45/2019/qh14"]),
        // The ALQAC 2022 kit's criminal code is the consolidated text (văn bản hợp nhất) of Bộ luật Hình sự 100/2015/QH13.
        new("bo-luat-hinh-su", "01/VBHN-VPQH", "Bộ luật", "Bộ luật Hình sự (văn bản hợp nhất)", "Văn phòng Quốc hội", D("2017-07-10"), D("2018-01-01"),
            ["bộ luật hình sự", "bộ luật hình sự 2015", "luật hình sự", "blhs", "100/2015/qh13", "01/vbhn-vpqh"]),
    ];

    /// <summary>Extra numbers a document is known by (consolidated texts carry the number of the act they consolidate).</summary>
    public static readonly IReadOnlyDictionary<string, string> NumberAliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["100/2015/QH13"] = "01/VBHN-VPQH",
    };

    /// <summary>Names of documents that reach the library only through pháp điển articles.</summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["86/2015/QH13"] = "Luật An toàn thông tin mạng",
        ["67/2006/QH11"] = "Luật Công nghệ thông tin",
        ["91/2025/QH15"] = "Luật Bảo vệ dữ liệu cá nhân",
        ["13/2023/NĐ-CP"] = "Nghị định Bảo vệ dữ liệu cá nhân",
        ["116/2025/QH15"] = "Luật An ninh mạng 2025",
        ["147/2024/NĐ-CP"] = "Nghị định quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng",
    };

    private static readonly Dictionary<string, Replacement> Replacements = new(StringComparer.OrdinalIgnoreCase)
    {
        ["24/2018/QH14"] = new("116/2025/QH15", D("2026-07-01")),
        ["86/2015/QH13"] = new("116/2025/QH15", D("2026-07-01")),
        ["72/2013/NĐ-CP"] = new("147/2024/NĐ-CP", D("2024-12-25")),
        ["13/2023/NĐ-CP"] = new("91/2025/QH15", D("2026-01-01")),
    };

    public static IReadOnlyList<Known> AlqacLaws => Alqac;

    /// <summary>Metadata for an ALQAC law id (a name or a number); unknown ids get a slug and type from the id.</summary>
    public static Known ForAlqac(string alqacId)
    {
        var folded = VietnameseText.Fold(alqacId);
        var hit = Alqac.FirstOrDefault(k => VietnameseText.Fold(k.Title) == folded || k.Slug == VietnameseText.Slug(alqacId)
            || string.Equals(k.Number, alqacId, StringComparison.OrdinalIgnoreCase));
        if (hit is not null) return hit;
        var type = folded.StartsWith("bo luat", StringComparison.Ordinal) ? "Bộ luật"
            : folded.StartsWith("luat", StringComparison.Ordinal) ? "Luật"
            : folded.StartsWith("hien phap", StringComparison.Ordinal) ? "Hiến pháp"
            : folded.StartsWith("nghi dinh", StringComparison.Ordinal) ? "Nghị định" : "Văn bản";
        var isNumber = alqacId.Contains('/');
        return new Known(VietnameseText.Slug(alqacId), isNumber ? alqacId : "", type, isNumber ? $"Văn bản {alqacId}" : alqacId, "", null, null, []);
    }

    public static Replacement? ReplacementOf(string? number) =>
        number is { Length: > 0 } && Replacements.TryGetValue(NormaliseDash(number), out var r) ? r : null;

    /// <summary>Numbers are compared with Đ as written; "ND-CP" typed without diacritics is mapped back.</summary>
    public static string NormaliseDash(string number) => number.Replace("/ND-", "/NĐ-", StringComparison.OrdinalIgnoreCase)
        .Replace("/nđ-", "/NĐ-", StringComparison.Ordinal);

    private static Known Law(string title, string number, string issued, string effective) =>
        new(VietnameseText.Slug(title), number, "Luật", title, "Quốc hội", D(issued), D(effective), [title.ToLowerInvariant(), number.ToLowerInvariant()]);

    private static DateOnly? D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");
}
