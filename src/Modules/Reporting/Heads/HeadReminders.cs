using Microsoft.EntityFrameworkCore;
using Training.Platform.Outbox;
using Training.Reporting.Coverage;
using Training.Reporting.Data;
using Training.Reporting.Reminders;

namespace Training.Reporting.Heads;

/// <summary>Reminders a unit head sends: an in-site notification and, when the person has an address, an e-mail through
/// the outbox. At most one per person per day, whoever sends it: the notification key carries the person and the day, and
/// the key is unique, so a second click (or a second head) sends nothing.</summary>
public sealed class HeadReminders(ReportingDbContext db, TimeProvider clock)
{
    public sealed record Outcome(int Sent, int AlreadyToday);

    public static string Key(string userId, DateOnly day) => $"head-reminder:{userId}:{day:yyyyMMdd}";

    public async Task<Outcome> SendAsync(string headName, IReadOnlyCollection<TeamRow> people, DateOnly today, CancellationToken ct = default)
    {
        var keys = people.Select(p => Key(p.Person.UserId, today)).ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var row in people.Where(p => !existing.Contains(Key(p.Person.UserId, today))))
        {
            var (title, body) = Compose(headName, row);
            var notification = new Notification
            {
                Id = Guid.NewGuid(), Key = Key(row.Person.UserId, today), UserId = row.Person.UserId, Kind = "head-reminder",
                Title = title, Body = body, Url = "/learning", CreatedAt = now,
            };
            db.Notifications.Add(notification);
            if (!string.IsNullOrWhiteSpace(row.Person.Email))
                db.Enqueue(new ReminderEmail(Guid.NewGuid(), now, notification.Id, row.Person.Email, row.Person.FullName, title, body));
            sent++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request reminded one of them a moment ago (unique key): nothing of this batch was written.
            db.ChangeTracker.Clear();
            return new Outcome(0, people.Count);
        }
        return new Outcome(sent, people.Count - sent);
    }

    /// <summary>The text names what is late, so the reminder is worth reading.</summary>
    public static (string Title, string Body) Compose(string headName, TeamRow row)
    {
        var lines = new List<string>();
        if (row.Overdue > 0)
            lines.Add($"{row.Overdue} khóa học được giao đã quá hạn (hạn sớm nhất {Display.Date(row.OldestOverdueOn)}).");
        if (row.Expiring > 0)
            lines.Add($"{row.Expiring} chứng chỉ sắp hết hạn (sớm nhất {Display.Date(row.NextExpiryOn)}); vui lòng đăng ký học lại.");
        if (row.Overdue == 0 && row.InProgress > 0) lines.Add($"{row.InProgress} khóa học đang học dở; vui lòng hoàn thành.");
        if (lines.Count == 0) lines.Add("Vui lòng kiểm tra các khóa học được giao và chứng chỉ của mình.");
        return ($"Trưởng đơn vị {headName} nhắc việc học tập", string.Join('\n', lines));
    }
}
