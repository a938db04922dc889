using System.Globalization;
using Training.Reporting.Coverage;
using Training.Reporting.Exports;

namespace Training.Reporting.Reports;

/// <summary>The yearly report as a workbook: one sheet of per-unit figures per target, one of courses.</summary>
public static class YearlyReportXlsx
{
    public static Task WriteAsync(YearlyReport report, Stream output)
    {
        var units = report.Targets.SelectMany(t => t.Report.Selected is { } sel
            ? new[] { sel }.Concat(t.Report.Children).Select(r => Row(t, r))
            : [new Dictionary<string, object?>
            {
                ["Chỉ tiêu"] = t.Target.Ordinal, ["Nội dung chỉ tiêu"] = t.Target.Indicator, ["Đơn vị"] = Display.State(t.Report.Data.State),
                ["Số người"] = null, ["Có chứng chỉ"] = null, ["Tỷ lệ (%)"] = null, ["Mốc"] = Milestones(t), ["Tình trạng mốc"] = null,
            }]);
        var courses = report.Targets.SelectMany(t => t.Courses).DistinctBy(c => c.CourseId).Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Mã"] = c.Code, ["Khóa học"] = c.Title, ["Số người hoàn thành"] = c.Completions, ["Số lớp trực tiếp"] = c.ClassesHeld, ["Học viên dự lớp"] = c.ClassAttendees,
        });
        // Small sheets of mixed types (numbers stay numbers): lists of dictionaries.
        return TableExport.WriteXlsxAsync(output, new Dictionary<string, object>
        {
            [$"Chỉ tiêu {report.Year}"] = units.ToList(),
            ["Khóa học"] = courses.ToList(),
        });
    }

    private static string Milestones(YearlyTarget t) =>
        t.Target.Milestones.Count == 0 ? "không có mốc định lượng" : string.Join("; ", t.Target.Milestones.OrderBy(m => m.DueOn).Select(Display.Milestone));

    private static IDictionary<string, object?> Row(YearlyTarget t, UnitRow r) => new Dictionary<string, object?>
    {
        ["Chỉ tiêu"] = t.Target.Ordinal,
        ["Nội dung chỉ tiêu"] = t.Target.Indicator,
        ["Đơn vị"] = r.Unit.Name,
        ["Số người"] = r.Now.Population,
        ["Có chứng chỉ"] = r.Now.Certified,
        ["Tỷ lệ (%)"] = r.Now.Percent.ToString("0.0", CultureInfo.InvariantCulture),
        ["Mốc"] = Milestones(t),
        ["Tình trạng mốc"] = string.Join("; ", r.Milestones.Select(m => $"{Display.Milestone(m.Milestone)}: {Display.Status(m.Status)}")),
    };
}
