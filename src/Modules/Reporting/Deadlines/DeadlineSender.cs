using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Reporting.Coverage;
using Training.Reporting.Data;
using Training.Reporting.Reminders;

namespace Training.Reporting.Deadlines;

/// <summary>Within a plan's lead days before its yearly deadline, tells the HR users of the reporting unit (in the site
/// and by e-mail through the outbox) that the year's report is due, with its workbook and signed PDF links (the existing
/// generator builds them for the recipient's scope when opened). Once per plan, year and recipient: the notification key
/// carries the three.</summary>
public sealed class DeadlineSender(ReportingDbContext db, IUnitHrDirectory hr, OnceNotifier notifier)
{
    public static string Key(Guid planId, int year, string userId) => $"plan-report:{planId:N}:{year}:{userId}";

    public async Task<int> SendAsync(DateOnly today, CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.UnitId != null && p.ReportDeadlineDay != null && p.ReportDeadlineMonth != null).ToListAsync(ct);
        var sent = 0;
        foreach (var plan in plans)
        {
            var deadline = new ReportDeadline(plan.ReportDeadlineDay!.Value, plan.ReportDeadlineMonth!.Value);
            if (deadline.DueForSending(today, plan.ReportLeadDays ?? ReportDeadline.DefaultLeadDays) is not { } due) continue;
            var name = plan.Number ?? plan.Title;
            var pdf = $"/hr/plans/{plan.Id}/report.pdf?year={due.Year}";
            var title = $"Báo cáo năm {due.Year} theo kế hoạch {name}: hạn {Display.Date(due)}";
            var body = $"Kế hoạch {name} yêu cầu báo cáo trước ngày {Display.Date(due)}. Báo cáo kết quả năm {due.Year}: " +
                $"bảng tính /hr/plans/{plan.Id}/report.xlsx?year={due.Year}, bản PDF có chữ ký số {pdf}.";
            foreach (var userId in await hr.HrOfUnitAsync(plan.UnitId!.Value, ct))
            {
                var key = Key(plan.Id, due.Year, userId);
                if (!await notifier.ExistsAsync(key, ct) && await notifier.AddAsync(key, userId, "plan-report", title, body, pdf, ct)) sent++;
            }
        }
        return sent;
    }
}
