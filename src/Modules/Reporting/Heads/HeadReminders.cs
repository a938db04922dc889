using Training.Reporting.Coverage;
using Training.Reporting.Reminders;

namespace Training.Reporting.Heads;

/// <summary>Reminders a unit head sends: an in-site notification and, when the person has an address, an e-mail through
/// the outbox. At most one per person per day, whoever sends it: the notification key carries the person and the day, and
/// the key is unique, so a second click (or a second head) sends nothing.</summary>
public sealed class HeadReminders(OnceNotifier notifier)
{
    public sealed record Outcome(int Sent, int AlreadyToday);

    public static string Key(string userId, DateOnly day) => $"head-reminder:{userId}:{day:yyyyMMdd}";

    public async Task<Outcome> SendAsync(string headName, IReadOnlyCollection<TeamRow> people, DateOnly today, CancellationToken ct = default)
    {
        var notices = people.Select(row =>
        {
            var (title, body) = Compose(headName, row);
            return new Notice(Key(row.Person.UserId, today), row.Person.UserId, "head-reminder", title, body, "/learning") { To = row.Person };
        }).ToList();
        var sent = await notifier.AddAsync(notices, ct);
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
