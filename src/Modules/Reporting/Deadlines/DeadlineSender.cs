using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Reporting.Coverage;
using Training.Reporting.Data;
using Training.Reporting.Reminders;

namespace Training.Reporting.Deadlines;

/// <summary>Within a plan's lead days before its yearly deadline, sends the year's report to the HR users of the reporting
/// unit: the workbook and the signed PDF, generated once and stored (<see cref="StoredYearlyReport"/>), attached to an
/// e-mail through the outbox, with a notification in the site. Once per plan, year and recipient: the notification key
/// carries the three, and the report is not generated again once everyone has it.</summary>
public sealed class DeadlineSender(ReportingDbContext db, IUnitHrDirectory hr, OnceNotifier notifier, StoredYearlyReport reports)
{
    public static string Key(Guid planId, int year, string userId) => $"plan-report:{planId:N}:{year}:{userId}";

    public async Task<int> SendAsync(DateOnly today, CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().Include(p => p.Targets).ThenInclude(t => t.Milestones).AsSplitQuery()
            .Where(p => p.UnitId != null && p.ReportDeadlineDay != null && p.ReportDeadlineMonth != null).ToListAsync(ct);
        var coming = new List<(Plan Plan, DateOnly Due, IReadOnlyList<string> Recipients)>();
        foreach (var (plan, due) in ComingDeadlines.Of(plans, today))
            coming.Add((plan, due, await hr.HrOfUnitAsync(plan.UnitId!.Value, ct)));
        // One look-up for every plan's recipients: the report is generated only for a plan someone still waits for.
        var written = await notifier.ExistingAsync(coming.SelectMany(d => d.Recipients.Select(userId => Key(d.Plan.Id, d.Due.Year, userId))), ct);
        var sent = 0;
        foreach (var (plan, due, recipients) in coming)
        {
            var waiting = recipients.Where(userId => !written.Contains(Key(plan.Id, due.Year, userId))).ToList();
            if (waiting.Count == 0) continue;
            var files = await reports.EnsureAsync(plan, due.Year, ct);
            var name = plan.Number ?? plan.Title;
            var pdf = $"/hr/plans/{plan.Id}/report.pdf?year={due.Year}";
            var title = $"Báo cáo năm {due.Year} theo kế hoạch {name}: hạn {Display.Date(due)}";
            var body = $"Kế hoạch {name} yêu cầu báo cáo trước ngày {Display.Date(due)}. Báo cáo kết quả năm {due.Year} " +
                $"(số liệu đến ngày {Display.Date(today)}) được đính kèm: bảng tính {files[0].FileName} và bản PDF có chữ ký số {files[1].FileName}. " +
                $"Bản cập nhật theo số liệu mới nhất: bảng tính /hr/plans/{plan.Id}/report.xlsx?year={due.Year}, bản PDF {pdf}.";
            sent += await notifier.AddAsync(waiting.Select(userId =>
                new Notice(Key(plan.Id, due.Year, userId), userId, "plan-report", title, body, pdf) { Attachments = files }), ct);
        }
        return sent;
    }
}
