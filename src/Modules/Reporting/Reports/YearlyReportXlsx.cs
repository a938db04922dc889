using Training.Platform.Exports;
using Training.Reporting.Coverage;
using Training.Reporting.Exports;

namespace Training.Reporting.Reports;

/// <summary>The yearly report as a workbook: a summary sheet with the report's sentences, one sheet of per-unit figures
/// (each target's total, its rows and the line that reconciles them), one of courses.</summary>
public static class YearlyReportXlsx
{
    public static Task WriteAsync(YearlyReport report, Stream output)
    {
        var summary = new List<IDictionary<string, object?>>();
        foreach (var t in report.Targets)
        {
            var lines = new[] { t.ResultText ?? Display.State(t.Report.Data.State), t.IssuedText(report.Year) };
            foreach (var line in lines.Where(l => !string.IsNullOrEmpty(l)))
                summary.Add(new Dictionary<string, object?> { ["Chỉ tiêu"] = t.Target.Ordinal, ["Nội dung"] = line });
        }
        if (report.LearningAvailable)
        {
            summary.Add(new Dictionary<string, object?> { ["Chỉ tiêu"] = null, ["Nội dung"] = report.CoursesTotalText });
            summary.Add(new Dictionary<string, object?> { ["Chỉ tiêu"] = null, ["Nội dung"] = YearlyReport.CoursesNote });
        }
        var units = report.Targets.SelectMany(t => t.Report.Selected is not null
            ? ExportColumns.UnitLines(t.Report).Select(l => Row(t, l))
            : [new Dictionary<string, object?>
            {
                ["Chỉ tiêu"] = t.Target.Ordinal, ["Nội dung chỉ tiêu"] = t.Target.Indicator, ["Đơn vị"] = Display.State(t.Report.Data.State),
                ["Số người"] = null, ["Có chứng chỉ"] = null, ["Tỷ lệ (%)"] = null, ["Mốc"] = Milestones(t), ["Tình trạng mốc"] = null, ["Ghi chú"] = null,
            }]);
        var courses = report.Courses.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Mã"] = c.Code, ["Khóa học"] = c.Title, ["Số người hoàn thành"] = c.Completions, ["Số lớp trực tiếp"] = c.ClassesHeld, ["Học viên dự lớp"] = c.ClassAttendees,
        });
        // Small sheets of mixed types (numbers stay numbers): lists of dictionaries.
        return TableExport.WriteXlsxAsync(output, new Dictionary<string, object>
        {
            ["Tóm tắt"] = summary,
            [$"Chỉ tiêu {report.Year}"] = units.ToList(),
            ["Khóa học"] = courses.ToList(),
        });
    }

    private static string Milestones(YearlyTarget t) =>
        t.Target.Milestones.Count == 0 ? "không có mốc định lượng" : string.Join("; ", t.Target.Milestones.OrderBy(m => m.DueOn).Select(Display.Milestone));

    private static IDictionary<string, object?> Row(YearlyTarget t, ExportColumns.UnitLine l) => new Dictionary<string, object?>
    {
        ["Chỉ tiêu"] = t.Target.Ordinal,
        ["Nội dung chỉ tiêu"] = t.Target.Indicator,
        ["Đơn vị"] = l.Name,
        ["Số người"] = l.Population,
        ["Có chứng chỉ"] = l.Certified,
        ["Tỷ lệ (%)"] = l.Row is null ? null : Display.PercentNumber(l.Percent),
        ["Mốc"] = Milestones(t),
        ["Tình trạng mốc"] = l.Row is { } r ? string.Join("; ", r.Milestones.Select(m => $"{Display.Milestone(m.Milestone)}: {Display.Status(m.Status)}")) : null,
        ["Ghi chú"] = l.Note,
    };
}
