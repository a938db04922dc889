using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Events;
using Training.Abstractions.Organisation;
using Training.Platform.Outbox;
using Training.Reporting.Data;

namespace Training.Reporting.Reminders;

/// <summary>Tells the holder that a new certification cycle opened (in the site and by e-mail) and tells their unit
/// head(s). Each notice has a key per (person, programme, cycle, recipient), unique in the table, so a redelivered event
/// adds nothing; the e-mails go through the reporting outbox in the same transaction. Without an
/// <see cref="IUnitHeadDirectory"/> (Organisation has not registered one) only the holder is told.</summary>
public sealed class RecertificationNotices(ReportingDbContext db, IOrgDirectory directory, IServiceProvider services, TimeProvider clock)
    : IDomainEventHandler<RecertificationOpened>
{
    public const string HolderKind = "recertification";
    public const string HeadKind = "recertification-head";

    public async Task HandleAsync(RecertificationOpened e, CancellationToken ct)
    {
        var holder = await directory.GetPersonAsync(e.UserId, ct);
        if (holder is null) return;
        var why = e.Reason == RecertificationReasons.CourseUpdated ? "khóa học của chương trình đã được cập nhật" : "chứng chỉ sắp hết hạn";
        var due = e.DueOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var notices = new List<(string Key, PersonInfo To, string Kind, string Title, string Body, string Url)>
        {
            ($"recert:{e.UserId}:{e.ProgrammeId}:{e.NewCycle}", holder, HolderKind, $"Học lại để được cấp lại chứng chỉ {e.ProgrammeName}",
                $"Chu kỳ {e.NewCycle} của chương trình \"{e.ProgrammeName}\" đã mở ({why}). Bạn cần hoàn thành lại các khóa học {string.Join(", ", e.CourseCodes)} trước ngày {due}.",
                "/learning#cycles"),
        };
        if (services.GetService<IUnitHeadDirectory>() is { } heads)
        {
            foreach (var headId in (await heads.HeadsOfPersonAsync(e.UserId, ct)).Where(h => h != e.UserId).Distinct())
            {
                if (await directory.GetPersonAsync(headId, ct) is not { } head) continue;
                notices.Add(($"recert-head:{e.UserId}:{e.ProgrammeId}:{e.NewCycle}:{headId}", head, HeadKind,
                    $"{holder.FullName} cần học lại chương trình {e.ProgrammeName}",
                    $"{holder.FullName} ({holder.PrimaryUnitName}) phải hoàn thành lại chương trình \"{e.ProgrammeName}\" (chu kỳ {e.NewCycle}, {why}) trước ngày {due}.",
                    "/learning"));
            }
        }
        var keys = notices.Select(n => n.Key).ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().ToUniversalTime();
        foreach (var n in notices.Where(n => !existing.Contains(n.Key)))
        {
            var notification = new Notification { Id = Guid.NewGuid(), Key = n.Key, UserId = n.To.UserId, Kind = n.Kind, Title = Clip(n.Title, 500), Body = Clip(n.Body, 4000), Url = n.Url, CreatedAt = now };
            db.Notifications.Add(notification);
            if (!string.IsNullOrWhiteSpace(n.To.Email))
                db.Enqueue(new ReminderEmail(Guid.NewGuid(), now, notification.Id, n.To.Email, n.To.FullName, n.Title, n.Body));
        }
        // A concurrent delivery that wrote first makes the unique key refuse this one; the outbox retries and finds them.
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
