using Training.Abstractions.Organisation;
using Training.Reporting.Reminders;

namespace Training.Reporting.Heads;

/// <summary>Sends the week's digests: one to each unit head (their subtrees' overdue and expiring people) and one to each
/// scoped HR user (per unit of their scope). Each is a notification whose unique key carries the recipient and the ISO
/// week, with its e-mail in the same transaction through the outbox: running again in the same week sends nothing.</summary>
public sealed class DigestSender(IUnitHeadDirectory heads, IUnitHrDirectory hr, TeamQuery team, OnceNotifier notifier)
{
    public async Task<int> SendAsync(DateOnly today, CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var head in (await heads.GetAllHeadsAsync(ct)).GroupBy(h => h.UserId))
        {
            var key = WeeklyDigest.HeadKey(head.Key, today);
            if (await notifier.ExistsAsync(key, ct)) continue;
            var text = WeeklyDigest.ForHead(await team.PeopleAsync(head.Select(h => h.UnitId).Distinct(), today, ct), today);
            if (text is { } t && await notifier.AddAsync(key, head.Key, "head-digest", t.Title, t.Body, "/my-units", ct)) sent++;
        }
        foreach (var person in await hr.GetAllHrAsync(ct))
        {
            var key = WeeklyDigest.HrKey(person.UserId, today);
            if (await notifier.ExistsAsync(key, ct)) continue;
            var text = WeeklyDigest.ForHr(await team.PeopleAsync([person.ScopeUnitId], today, ct), today);
            if (text is { } t && await notifier.AddAsync(key, person.UserId, "hr-digest", t.Title, t.Body, "/hr/plans", ct)) sent++;
        }
        return sent;
    }
}
