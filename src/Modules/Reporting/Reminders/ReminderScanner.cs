using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Reporting.Coverage;

namespace Training.Reporting.Reminders;

/// <summary>Finds certificates expiring soon (ledger) and overdue assignments (learning activity) and creates one
/// notification per (kind, subject, period) — the notification key is unique, so scanning again, or after a restart,
/// creates nothing new. Written by <see cref="OnceNotifier"/>, with the e-mail in the same transaction.</summary>
public sealed class ReminderScanner(OnceNotifier notifier, IServiceProvider services, IOptions<ReminderOptions> options)
{
    public async Task<int> ScanAsync(DateOnly today, CancellationToken ct = default)
    {
        var candidates = new List<Notice>();
        if (services.GetService<ICertificateLedger>() is { } ledger) candidates.AddRange(await ExpiringAsync(ledger, today, ct));
        if (services.GetService<ILearningActivity>() is { } learning) candidates.AddRange(await OverdueAsync(learning, today, ct));
        return await notifier.AddAsync(candidates, ct);
    }

    private async Task<IEnumerable<Notice>> ExpiringAsync(ICertificateLedger ledger, DateOnly today, CancellationToken ct)
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
            .Select(f => new Notice($"cert-expiring:{f.CertificateId}:{f.ExpiresOn:yyyyMMdd}", f.UserId, "cert-expiring",
                $"Chứng chỉ {names.GetValueOrDefault(f.ProgrammeId)} sắp hết hạn",
                $"Chứng chỉ số {f.SerialNumber} ({names.GetValueOrDefault(f.ProgrammeId)}) hết hiệu lực sau ngày {Display.Date(f.ExpiresOn)}. " +
                "Vui lòng đăng ký học lại để được cấp chứng chỉ mới.", null));
    }

    private static async Task<IEnumerable<Notice>> OverdueAsync(ILearningActivity learning, DateOnly today, CancellationToken ct)
    {
        var overdue = await learning.GetOverdueAssignmentsAsync(today, ct);
        return overdue.Select(o => new Notice($"assignment-overdue:{o.AssignmentId}:{o.DueOn:yyyyMMdd}", o.UserId, "assignment-overdue",
            $"Quá hạn hoàn thành khóa học {o.CourseTitle}",
            $"Khóa học \"{o.CourseTitle}\" được giao cho bạn phải hoàn thành trước ngày {Display.Date(o.DueOn)}. Vui lòng hoàn thành sớm.",
            $"/courses/{o.CourseId}"));
    }
}
