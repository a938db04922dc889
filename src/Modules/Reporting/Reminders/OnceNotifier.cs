using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Platform.Outbox;
using Training.Reporting.Data;

namespace Training.Reporting.Reminders;

/// <summary>Writes one keyed notification and its e-mail (outbox) in one transaction. The key is unique: when another
/// run wrote it meanwhile, nothing is written and false is returned.</summary>
public sealed class OnceNotifier(ReportingDbContext db, IOrgDirectory directory, TimeProvider clock)
{
    public Task<bool> ExistsAsync(string key, CancellationToken ct) => db.Notifications.AnyAsync(n => n.Key == key, ct);

    public async Task<bool> AddAsync(string key, string userId, string kind, string title, string body, string? url, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.NewGuid(), Key = key, UserId = userId, Kind = kind, Title = title, Body = body, Url = url, CreatedAt = now,
        };
        db.Notifications.Add(notification);
        var person = await directory.GetPersonAsync(userId, ct);
        if (!string.IsNullOrWhiteSpace(person?.Email))
            db.Enqueue(new ReminderEmail(Guid.NewGuid(), now, notification.Id, person.Email, person.FullName, title, body));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
