using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Reporting.Data;

namespace Training.Reporting.Pages.Notifications;

/// <summary>The signed-in user's notifications (reminders), newest first.</summary>
[Authorize(Policy = Permissions.ReceiveNotifications)]
public sealed class IndexModel(ReportingDbContext db, TimeProvider clock) : PageModel
{
    public List<Notification> Items { get; private set; } = [];
    public int Unread { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // SQLite cannot order by DateTimeOffset: a user's notifications are few, order them here.
        Items = (await db.Notifications.AsNoTracking().Where(n => n.UserId == UserId).ToListAsync(ct))
            .OrderByDescending(n => n.CreatedAt).Take(200).ToList();
        Unread = Items.Count(n => n.ReadAt == null);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == UserId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return RedirectToPage();
    }
}
