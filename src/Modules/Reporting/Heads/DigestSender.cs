using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Platform.Outbox;
using Training.Reporting.Data;
using Training.Reporting.Reminders;

namespace Training.Reporting.Heads;

/// <summary>Sends the week's digests: one to each unit head (their subtrees' overdue and expiring people) and one to each
/// scoped HR user (per unit of their scope). Each is a notification whose unique key carries the recipient and the ISO
/// week, with its e-mail in the same transaction through the outbox: running again in the same week sends nothing.</summary>
public sealed class DigestSender(ReportingDbContext db, IUnitHeadDirectory heads, IUnitHrDirectory hr, IOrgDirectory directory, TeamQuery team,
    TimeProvider clock)
{
    public async Task<int> SendAsync(DateOnly today, CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var head in (await heads.GetAllHeadsAsync(ct)).GroupBy(h => h.UserId))
        {
            var key = WeeklyDigest.HeadKey(head.Key, today);
            if (await db.Notifications.AnyAsync(n => n.Key == key, ct)) continue;
            var text = WeeklyDigest.ForHead(await team.PeopleAsync(head.Select(h => h.UnitId).Distinct(), today, ct), today);
            if (text is { } t && await AddAsync(key, head.Key, "head-digest", t, "/my-units", ct)) sent++;
        }
        foreach (var person in await hr.GetAllHrAsync(ct))
        {
            var key = WeeklyDigest.HrKey(person.UserId, today);
            if (await db.Notifications.AnyAsync(n => n.Key == key, ct)) continue;
            var text = WeeklyDigest.ForHr(await team.PeopleAsync([person.ScopeUnitId], today, ct), today);
            if (text is { } t && await AddAsync(key, person.UserId, "hr-digest", t, "/hr/plans", ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> AddAsync(string key, string userId, string kind, (string Title, string Body) text, string url, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.NewGuid(), Key = key, UserId = userId, Kind = kind, Title = text.Title, Body = text.Body, Url = url, CreatedAt = now,
        };
        db.Notifications.Add(notification);
        var person = await directory.GetPersonAsync(userId, ct);
        if (!string.IsNullOrWhiteSpace(person?.Email))
            db.Enqueue(new ReminderEmail(Guid.NewGuid(), now, notification.Id, person.Email, person.FullName, text.Title, text.Body));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Sent meanwhile by another run (unique key): this one writes nothing.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
