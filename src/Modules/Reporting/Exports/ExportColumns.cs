using System.Globalization;
using Training.Platform.Exports;
using Training.Reporting.Coverage;

namespace Training.Reporting.Exports;

/// <summary>The columns of the exported lists. Units are named by their path from the root, never by internal codes.</summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn<PersonRow>> People =
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

    /// <summary>One line of the units list: a unit row, or the closing line that reconciles the rows with the total.</summary>
    public sealed record UnitLine(UnitRow? Row, string Path, string Name, int Population, int Certified, decimal? Percent, string Note);

    /// <summary>The selected unit (the total), its rows, then, when people hold posts in several rows, the line to subtract
    /// ("Trừ: …", positive figures) so that the rows less it make the total. Figures stay positive: a cell starting with
    /// "-" would be escaped as a possible formula.</summary>
    public static IEnumerable<UnitLine> UnitLines(TargetReport report)
    {
        if (report.Selected is not { } total) yield break;
        yield return Line(report, total, report.Totals is null ? "" : "Tổng, mỗi người tính một lần");
        foreach (var row in report.Children)
            yield return Line(report, row, row.IsDirect ? "Cán bộ thuộc trực tiếp đơn vị, không thuộc đơn vị trực thuộc nào" : "");
        if (report.Totals is { ExtraPopulation: > 0 } t)
            yield return new UnitLine(null, report.Data.PathOf(total.Unit.Id), Display.SharedLabel(t.SharedPeople),
                t.ExtraPopulation, t.ExtraCertified, null, Display.SharedNote);
    }

    private static UnitLine Line(TargetReport report, UnitRow r, string note) =>
        new(r, report.Data.PathOf(r.Unit.Id), r.Unit.Name, r.Now.Population, r.Now.Certified, r.Now.Percent, note);

    public static IReadOnlyList<ExportColumn<UnitLine>> Units(IReadOnlyList<Data.Milestone> milestones)
    {
        var columns = new List<ExportColumn<UnitLine>>
        {
            new("Đường dẫn đơn vị", r => r.Path),
            new("Đơn vị", r => r.Name),
            new("Số người", r => r.Population.ToString(CultureInfo.InvariantCulture)),
            new("Có chứng chỉ", r => r.Certified.ToString(CultureInfo.InvariantCulture)),
            new("Độ bao phủ (%)", r => r.Row is null ? "" : Display.PercentNumber(r.Percent)),
        };
        for (var i = 0; i < milestones.Count; i++)
        {
            var index = i;
            columns.Add(new($"Mốc {Display.Milestone(milestones[i])}", r => r.Row is { } row ? Display.Status(row.Milestones[index].Status) : ""));
        }
        columns.Add(new("Ghi chú", r => r.Note));
        return columns;
    }
}
