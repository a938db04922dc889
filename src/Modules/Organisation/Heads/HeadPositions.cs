using Training.Platform.Text;

namespace Training.Organisation.Heads;

/// <summary>Which positions mark the head of the person's primary unit, bound from <c>Organisation:UnitHeads</c>.
/// A position is a head's when it is one of the titles or starts with one followed by a space ("Trưởng phòng Tổ chức
/// cán bộ"), case-insensitive; "Phó Hiệu trưởng" and "Tổ trưởng chuyên môn" are not, since they do not start with a title.</summary>
public sealed class HeadPositions
{
    public const string Section = "Organisation:UnitHeads";

    public List<string> Positions { get; set; } =
    [
        "Trưởng đơn vị", "Thủ trưởng", "Giám đốc", "Hiệu trưởng", "Trưởng phòng", "Trưởng ban", "Chánh Văn phòng",
        "Chánh Thanh tra", "Chủ tịch", "Viện trưởng", "Cục trưởng", "Chi cục trưởng",
    ];

    public bool IsHead(string? position)
    {
        var p = VietnameseText.Clean(position);
        if (p.Length == 0) return false;
        foreach (var title in Positions)
        {
            var t = VietnameseText.Clean(title);
            if (t.Length == 0 || !p.StartsWith(t, StringComparison.OrdinalIgnoreCase)) continue;
            if (p.Length == t.Length || p[t.Length] == ' ') return true;
        }
        return false;
    }

    /// <summary>Prefixes to narrow the database query (SQL LIKE is case-sensitive on PostgreSQL and for non-ASCII on
    /// SQLite): each title as written, lower case and with a capital first letter. <see cref="IsHead"/> then decides.</summary>
    public IEnumerable<string> QueryPrefixes() => Positions.Select(VietnameseText.Clean).Where(t => t.Length > 0)
        .SelectMany(t => new[] { t, t.ToLowerInvariant(), char.ToUpperInvariant(t[0]) + t[1..].ToLowerInvariant() }).Distinct();
}
