using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Events;
using Training.Abstractions.Organisation;

namespace Training.Reporting.Reminders;

/// <summary>Tells the holder that a new certification cycle opened (in the site and by e-mail) and tells their unit
/// head(s). Each notice has a key per (person, programme, cycle, recipient), unique in the table, so a redelivered event
/// adds nothing; written by <see cref="OnceNotifier"/> (e-mails through the reporting outbox in the same transaction). Without an
/// <see cref="IUnitHeadDirectory"/> (Organisation has not registered one) only the holder is told.</summary>
public sealed class RecertificationNotices(OnceNotifier notifier, IOrgDirectory directory, IServiceProvider services)
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
        var notices = new List<Notice>
        {
            new($"recert:{e.UserId}:{e.ProgrammeId}:{e.NewCycle}", e.UserId, HolderKind, $"Học lại để được cấp lại chứng chỉ {e.ProgrammeName}",
                $"Chu kỳ {e.NewCycle} của chương trình \"{e.ProgrammeName}\" đã mở ({why}). Bạn cần hoàn thành lại các khóa học {string.Join(", ", e.CourseCodes)} trước ngày {due}.",
                "/learning#cycles") { To = holder },
        };
        if (services.GetService<IUnitHeadDirectory>() is { } heads)
        {
            foreach (var headId in (await heads.HeadsOfPersonAsync(e.UserId, ct)).Where(h => h != e.UserId).Distinct())
            {
                if (await directory.GetPersonAsync(headId, ct) is not { } head) continue;
                notices.Add(new($"recert-head:{e.UserId}:{e.ProgrammeId}:{e.NewCycle}:{headId}", headId, HeadKind,
                    $"{holder.FullName} cần học lại chương trình {e.ProgrammeName}",
                    $"{holder.FullName} ({holder.PrimaryUnitName}) phải hoàn thành lại chương trình \"{e.ProgrammeName}\" (chu kỳ {e.NewCycle}, {why}) trước ngày {due}.",
                    "/learning") { To = head });
            }
        }
        await notifier.AddAsync(notices, ct);
    }
}
