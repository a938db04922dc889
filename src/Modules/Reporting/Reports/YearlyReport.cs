using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Abstractions.Organisation;
using Training.Reporting.Coverage;
using Training.Reporting.Data;

namespace Training.Reporting.Reports;

/// <summary>The yearly report on a plan (báo cáo kết quả thực hiện kế hoạch, due before 20/11): per target and per unit
/// the figures against the milestones, the courses held and the number trained. Every figure counts the people of the
/// targets' populations within the viewer's scope, so the sections agree and no other unit's figures leak in.</summary>
/// <param name="Courses">The courses of the targets' programmes, counted for the people of all targets' populations in scope.</param>
public sealed record YearlyReport(Plan Plan, int Year, DateOnly AsOf, IReadOnlyList<YearlyTarget> Targets, bool LearningAvailable,
    IReadOnlyList<CourseActivity> Courses)
{
    /// <summary>The closing line of the courses section.</summary>
    public string CoursesTotalText =>
        $"Tổng cộng: {Courses.Sum(c => c.Completions)} lượt hoàn thành khóa học trên hệ thống của cán bộ thuộc đối tượng " +
        $"(mỗi người một lượt mỗi khóa), {Courses.Sum(c => c.ClassesHeld)} lớp trực tiếp.";

    /// <summary>Why the courses section and the certificates issued need not agree.</summary>
    public const string CoursesNote =
        "Số lượt hoàn thành khóa học có thể khác số người được cấp chứng chỉ trong năm: một chương trình có thể gồm nhiều khóa; " +
        "chứng chỉ có thể được cấp theo quyết định (lớp tổ chức ngoài hệ thống) hoặc từ dữ liệu có sẵn; người hoàn thành khóa học " +
        "nhưng chưa đạt điều kiện của chương trình thì chưa được cấp.";
}

/// <summary>One target in the yearly report.</summary>
/// <param name="IssuedInYear">People of the population (in scope) who received a certificate of a counted programme during the
/// year: a first certificate or a recertification, not a replacement (cấp lại) of one they held.</param>
/// <param name="IssuedThroughCourses">Of those, people whose certificate followed a course completed on the site.</param>
public sealed record YearlyTarget(PlanTarget Target, TargetReport Report, IReadOnlyList<CourseActivity> Courses, int IssuedInYear,
    int IssuedThroughCourses)
{
    /// <summary>The figures of the target as of the report's day; null when the target is not computed in this scope.</summary>
    public string? ResultText => Report.Selected is { } s
        ? $"Kết quả: {s.Now.Certified}/{s.Now.Population} người có chứng chỉ còn hiệu lực tại ngày {Display.Date(Report.AsOf)}, đạt {Display.Percent(s.Now.Percent)}."
        : null;

    /// <summary>Certificates issued in the year and how (see <see cref="YearlyReport.CoursesNote"/>).</summary>
    public string? IssuedText(int year) => Report.Selected is null ? null
        : IssuedInYear == 0 ? $"Trong năm {year} không có người được cấp chứng chỉ."
        : $"Trong năm {year} có {IssuedInYear} người được cấp chứng chỉ: {IssuedThroughCourses} người sau khi hoàn thành khóa học trên hệ thống, " +
          $"{IssuedInYear - IssuedThroughCourses} người được cấp theo quyết định hoặc từ dữ liệu có sẵn (không qua khóa học trên hệ thống).";
}

public sealed class YearlyReportBuilder(ReportingQueries queries, IServiceProvider services)
{
    public async Task<YearlyReport> BuildAsync(Plan plan, int year, UnitScope scope, CancellationToken ct = default)
    {
        var today = queries.Today;
        var end = new DateOnly(year, 12, 31);
        var asOf = end < today ? end : today;
        var start = new DateOnly(year, 1, 1);
        var reports = new List<(PlanTarget Target, TargetReport Report, TargetData Detail, List<PersonInfo> People)>();
        foreach (var target in plan.Targets.OrderBy(t => t.Ordinal))
        {
            var report = await queries.ReportAsync(target, scope, null, asOf, ct);
            var people = new List<PersonInfo>();
            var detail = report.Data;
            if (report.Selected is not null)
            {
                // Who was issued what in the year, and which courses: the history of the people, not only their status.
                detail = await queries.DetailAsync(target, ct);
                var units = detail.SubtreeOf(report.Selected.Unit.Id).Where(report.Visible.Contains).ToHashSet();
                people = detail.People.Where(p => p.UnitIds.Any(units.Contains)).ToList();
            }
            reports.Add((target, report, detail, people));
        }
        var learning = services.GetService<ILearningActivity>();
        var learners = reports.SelectMany(r => r.People).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        var activity = learning is null || learners.Count == 0 ? [] : await learning.GetCourseActivityAsync(start, asOf, learners, ct);

        var targets = new List<YearlyTarget>();
        foreach (var (target, report, detail, people) in reports)
        {
            var courses = detail.CourseIds.ToHashSet();
            var held = activity.Where(a => courses.Contains(a.CourseId)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
            var issued = people.Select(p => detail.Facts[p.UserId]
                    .Where(f => f.IssuedOn >= start && f.IssuedOn <= asOf && f.Source != CertificateSources.Reissue).ToList())
                .Where(f => f.Count > 0).ToList();
            targets.Add(new YearlyTarget(target, report, held, issued.Count, issued.Count(f => f.Any(x => x.Source == CertificateSources.Course))));
        }
        var all = targets.SelectMany(t => t.Courses).DistinctBy(c => c.CourseId).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        return new YearlyReport(plan, year, asOf, targets, learning is not null, all);
    }
}
