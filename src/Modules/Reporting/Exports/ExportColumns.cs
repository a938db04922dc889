using Training.Reporting.Coverage;

namespace Training.Reporting.Exports;

/// <summary>The columns of the exported lists.</summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<Column<PersonRow>> People =
    [
        new("Mã cán bộ", r => r.StaffCode),
        new("Họ và tên", r => r.FullName),
        new("Đơn vị", r => r.UnitName),
        new("Đối tượng", r => r.Category),
        new("Chức vụ", r => r.Position),
        new("Tình trạng", r => PeopleList.Label(r.Status)),
        new("Hiệu lực đến", r => r.Status is PersonStatus.Certified or PersonStatus.Expiring ? r.ValidUntil is null ? "không thời hạn" : Display.Date(r.ValidUntil) : ""),
        new("Số hiệu chứng chỉ", r => r.SerialNumber),
    ];

    public static IReadOnlyList<Column<UnitRow>> Units(IReadOnlyList<Data.Milestone> milestones)
    {
        var columns = new List<Column<UnitRow>>
        {
            new("Mã đơn vị", r => r.Unit.Code),
            new("Đơn vị", r => r.Unit.Name),
            new("Số người", r => r.Now.Population.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Có chứng chỉ", r => r.Now.Certified.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Độ bao phủ (%)", r => r.Now.Percent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)),
        };
        for (var i = 0; i < milestones.Count; i++)
        {
            var index = i;
            columns.Add(new($"Mốc {Display.Milestone(milestones[i])}", r => Display.Status(r.Milestones[index].Status)));
        }
        return columns;
    }
}
