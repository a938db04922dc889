using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Abstractions.Organisation;
using Training.Platform.Outbox;
using Training.Reporting.Coverage;
using Training.Reporting.Data;

namespace Training.Reporting.Reminders;

/// <summary>Finds certificates expiring soon (ledger) and overdue assignments (learning activity) and creates one
/// notification per (kind, subject, period) — the notification key is unique, so scanning again, or after a restart,
/// creates nothing new. The e-mail is enqueued in the same transaction.</summary>
public sealed class ReminderScanner(ReportingDbContext db, IServiceProvider services, IOrgDirectory directory, TimeProvider clock,
    IOptions<ReminderOptions> options)
{
    public sealed record Candidate(string Key, string UserId, string Kind, string Title, string Body, string? Url);

    public async Task<int> ScanAsync(DateOnly today, CancellationToken ct = default)
    {
        var candidates = new List<Candidate>();
        if (services.GetService<ICertificateLedger>() is { } ledger) candidates.AddRange(await ExpiringAsync(ledger, today, ct));
        if (services.GetService<ILearningActivity>() is { } learning) candidates.AddRange(await OverdueAsync(learning, today, ct));
        var created = 0;
        foreach (var chunk in candidates.DistinctBy(c => c.Key).Chunk(200))
        {
            var keys = chunk.Select(c => c.Key).ToList();
            var existing = (await db.Notifications.Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)).ToHashSet();
            foreach (var c in chunk.Where(c => !existing.Contains(c.Key)))
            {
                var now = clock.GetUtcNow();
                var notification = new Notification
                {
                    Id = Guid.NewGuid(), Key = c.Key, UserId = c.UserId, Kind = c.Kind, Title = c.Title, Body = c.Body, Url = c.Url, CreatedAt = now,
                };
                db.Notifications.Add(notification);
                var person = await directory.GetPersonAsync(c.UserId, ct);
                if (!string.IsNullOrWhiteSpace(person?.Email))
                    db.Enqueue(new ReminderEmail(Guid.NewGuid(), now, notification.Id, person.Email, person.FullName, c.Title, c.Body));
                created++;
            }
            await db.SaveChangesAsync(ct);
        }
        return created;
    }

    private async Task<IEnumerable<Candidate>> ExpiringAsync(ICertificateLedger ledger, DateOnly today, CancellationToken ct)
    {
        var programmes = await ledger.GetProgrammesAsync(ct);
        if (programmes.Count == 0) return [];
        var names = programmes.ToDictionary(p => p.Id, p => p.Name);
        var facts = await ledger.GetFactsAsync(programmes.Select(p => p.Id).ToList(), ct);
        var horizon = today.AddDays(options.Value.ExpiringWithinDays);
        // Per person and programme, the certificate that lasts longest; a renewal that lasts beyond the horizon silences the reminder.
        return facts.Where(f => f.IsValidOn(today))
            .GroupBy(f => (f.UserId, f.ProgrammeId))
            .Select(g => g.OrderByDescending(f => f.ExpiresOn ?? DateOnly.MaxValue).First())
            .Where(f => f.ExpiresOn is { } end && end <= horizon)
            .Select(f => new Candidate($"cert-expiring:{f.CertificateId}:{f.ExpiresOn:yyyyMMdd}", f.UserId, "cert-expiring",
                $"Chứng chỉ {names.GetValueOrDefault(f.ProgrammeId)} sắp hết hạn",
                $"Chứng chỉ số {f.SerialNumber} ({names.GetValueOrDefault(f.ProgrammeId)}) hết hiệu lực sau ngày {Display.Date(f.ExpiresOn)}. " +
                "Vui lòng đăng ký học lại để được cấp chứng chỉ mới.", null));
    }

    private static async Task<IEnumerable<Candidate>> OverdueAsync(ILearningActivity learning, DateOnly today, CancellationToken ct)
    {
        var overdue = await learning.GetOverdueAssignmentsAsync(today, ct);
        return overdue.Select(o => new Candidate($"assignment-overdue:{o.AssignmentId}:{o.DueOn:yyyyMMdd}", o.UserId, "assignment-overdue",
            $"Quá hạn hoàn thành khóa học {o.CourseTitle}",
            $"Khóa học \"{o.CourseTitle}\" được giao cho bạn phải hoàn thành trước ngày {Display.Date(o.DueOn)}. Vui lòng hoàn thành sớm.",
            $"/courses/{o.CourseId}"));
    }
}
