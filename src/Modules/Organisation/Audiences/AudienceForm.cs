using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Platform.Text;

namespace Training.Organisation.Audiences;

/// <summary>An audience rule as typed on the HR page: checked field by field (Vietnamese messages naming the field),
/// then copied onto the entity. Categories and positions are one per line.</summary>
public sealed class AudienceForm
{
    public const int MaxValues = 50;
    public const int MaxUnits = 100;
    public const int MaxDays = 3650;

    public string? Name { get; set; }
    public List<Guid> UnitIds { get; set; } = [];
    public string? Categories { get; set; }
    public string? Positions { get; set; }
    public int? JoinedWithinDays { get; set; }
    public DateOnly? StartsOn { get; set; }

    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(VietnameseText.Clean).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Every problem, each naming its field; empty when the rule can be saved.</summary>
    public List<string> Validate(UnitScope scope)
    {
        var errors = new List<string>();
        var name = VietnameseText.Clean(Name).Trim();
        if (name.Length == 0) errors.Add("Tên nhóm: bắt buộc.");
        else if (name.Length > TextLimits.Name) errors.Add($"Tên nhóm: dài {name.Length} ký tự, tối đa {TextLimits.Name}.");
        if (UnitIds.Count == 0) errors.Add("Đơn vị: chọn ít nhất một đơn vị.");
        else if (UnitIds.Count > MaxUnits) errors.Add($"Đơn vị: tối đa {MaxUnits} đơn vị.");
        else if (UnitIds.Any(u => !scope.Contains(u))) errors.Add("Đơn vị: có đơn vị nằm ngoài phạm vi quản lý của bạn.");
        Check("Loại cán bộ", Lines(Categories), errors);
        Check("Chức vụ", Lines(Positions), errors);
        if (JoinedWithinDays is < 1 or > MaxDays) errors.Add($"Vào làm trong vòng (ngày): từ 1 đến {MaxDays}, hoặc để trống.");
        if (StartsOn is null) errors.Add("Ngày bắt đầu: bắt buộc (dd/MM/yyyy).");
        return errors;
    }

    private static void Check(string field, List<string> values, List<string> errors)
    {
        if (values.Count > MaxValues) errors.Add($"{field}: tối đa {MaxValues} giá trị, mỗi giá trị một dòng.");
        foreach (var (v, i) in values.Select((v, i) => (v, i + 1)).Where(x => x.v.Length > TextLimits.Line))
            errors.Add($"{field}, dòng {i}: dài {v.Length} ký tự, tối đa {TextLimits.Line}.");
    }

    public void CopyTo(Audience a)
    {
        a.Name = VietnameseText.Clean(Name).Trim();
        a.UnitIds = UnitIds.Distinct().ToList();
        a.Categories = Lines(Categories);
        a.Positions = Lines(Positions);
        a.JoinedWithinDays = JoinedWithinDays;
        a.StartsOn = StartsOn!.Value;
    }

    public static AudienceForm From(Audience a) => new()
    {
        Name = a.Name, UnitIds = a.UnitIds, Categories = string.Join('\n', a.Categories), Positions = string.Join('\n', a.Positions),
        JoinedWithinDays = a.JoinedWithinDays, StartsOn = a.StartsOn,
    };
}
