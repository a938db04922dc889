using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Learning;
using Training.Abstractions.Organisation;
using Training.Reporting.Coverage;
using Training.Reporting.Data;

namespace Training.Reporting.Reports;

/// <summary>The yearly report on a plan (báo cáo kết quả thực hiện kế hoạch, due before 20/11): per target and per unit
/// the figures against the milestones, the courses held and the number trained.</summary>
public sealed record YearlyReport(Plan Plan, int Year, DateOnly AsOf, IReadOnlyList<YearlyTarget> Targets, bool LearningAvailable);

/// <summary>One target in the yearly report.</summary>
/// <param name="IssuedInYear">People of the population (in scope) who received a counted certificate during the year.</param>
public sealed record YearlyTarget(PlanTarget Target, TargetReport Report, IReadOnlyList<CourseActivity> Courses, int IssuedInYear);

public sealed class YearlyReportBuilder(ReportingQueries queries, IServiceProvider services)
{
    public async Task<YearlyReport> BuildAsync(Plan plan, int year, UnitScope scope, CancellationToken ct = default)
    {
        var today = queries.Today;
        var end = new DateOnly(year, 12, 31);
        var asOf = end < today ? end : today;
        var start = new DateOnly(year, 1, 1);
        var learning = services.GetService<ILearningActivity>();
        var activity = learning is null ? [] : await learning.GetCourseActivityAsync(start, asOf, ct);
        var targets = new List<YearlyTarget>();
        foreach (var target in plan.Targets.OrderBy(t => t.Ordinal))
        {
            var report = await queries.ReportAsync(target, scope, null, asOf, ct);
            var courses = report.Data.Programmes.SelectMany(p => p.CourseIds).ToHashSet();
            var held = activity.Where(a => courses.Contains(a.CourseId)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
            var issued = 0;
            if (report.Selected is not null)
            {
                var units = report.Data.SubtreeOf(report.Selected.Unit.Id).Where(report.Visible.Contains).ToHashSet();
                issued = report.Data.People.Count(p => p.UnitIds.Any(units.Contains)
                    && report.Data.Facts[p.UserId].Any(f => f.IssuedOn >= start && f.IssuedOn <= asOf));
            }
            targets.Add(new YearlyTarget(target, report, held, issued));
        }
        return new YearlyReport(plan, year, asOf, targets, learning is not null);
    }
}
