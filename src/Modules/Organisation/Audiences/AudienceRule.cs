namespace Training.Organisation.Audiences;

/// <summary>A person as an audience rule sees them: joining date (first on the roster), category, position, every unit
/// they belong to.</summary>
public sealed record RosterPerson(string UserId, string? Category, string? Position, DateOnly JoinedOn, bool IsActive, IReadOnlyList<Guid> UnitIds);

/// <summary>An audience's rule made ready for matching: the units' subtrees expanded and the texts normalised once,
/// so matching a person is a few set lookups (evaluation is linear in staff).</summary>
public sealed class AudienceRule
{
    private readonly IReadOnlySet<Guid> _units;
    private readonly HashSet<string> _categories;
    private readonly HashSet<string> _positions;
    private readonly int? _joinedWithinDays;

    public AudienceRule(IReadOnlySet<Guid> subtreeUnits, IEnumerable<string> categories, IEnumerable<string> positions, int? joinedWithinDays)
    {
        _units = subtreeUnits;
        _categories = categories.Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        _positions = positions.Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        _joinedWithinDays = joinedWithinDays;
    }

    /// <summary>Null when the person matches on <paramref name="today"/>; otherwise why not (Vietnamese, kept as the
    /// reason a leaver's assignments were closed).</summary>
    public string? WhyNot(RosterPerson person, DateOnly today)
    {
        if (!person.IsActive) return "Ngừng hoạt động trong danh sách cán bộ";
        if (!person.UnitIds.Any(_units.Contains)) return "Không còn thuộc đơn vị của nhóm đối tượng";
        if (_categories.Count > 0 && !_categories.Contains(Key(person.Category))) return $"Loại cán bộ đã đổi thành «{person.Category}»";
        if (_positions.Count > 0 && !_positions.Contains(Key(person.Position))) return $"Chức vụ đã đổi thành «{person.Position}»";
        if (_joinedWithinDays is { } days && person.JoinedOn < today.AddDays(-days)) return $"Đã vào làm quá {days} ngày";
        return null;
    }

    public bool Matches(RosterPerson person, DateOnly today) => WhyNot(person, today) is null;

    /// <summary>Categories and positions compare without case and surrounding spaces (rosters write "Giáo viên" and "giáo viên").</summary>
    public static string Key(string? text) => (text ?? "").Trim().Normalize().ToLowerInvariant();
}
