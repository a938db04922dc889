using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Audiences;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Platform.Time;

namespace Training.Courses.Audiences;

/// <summary>One change of an audience's membership to apply to the courses it is attached to.</summary>
public sealed record MembershipChange(Guid AudienceId, string AudienceName, DateOnly StartsOn, DateTimeOffset OccurredAt,
    IReadOnlyList<AudienceJoiner> Joined, IReadOnlyList<AudienceLeaver> Left);

/// <summary>Turns audience membership into assignments: joiners are assigned every attached course (with an enrolment
/// when they have no current run), leavers' audience assignments are closed with the reason, never deleted; every step
/// goes to the assignment history. Planned outside the transaction (reads only), written in one short transaction with
/// the same set-based inserts as HR's bulk assignment (the unique (course, person) index makes a replay add nothing).</summary>
public sealed class AudienceAssigner(CoursesDbContext db, CourseCatalog catalog, IAudienceMembership membership, TimeProvider clock,
    ILogger<AudienceAssigner> log)
{
    private const int Attempts = 3;

    /// <summary>Applies the change to every course attached to the audience, or to one attachment only.</summary>
    public async Task<AudiencePlan> ApplyAsync(MembershipChange change, Guid? onlyLink = null, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var plan = await PlanAsync(change, onlyLink, ct);
            if (plan.IsEmpty || await TryWriteAsync(plan, ct)) return plan;
            if (attempt == Attempts) throw new DbUpdateConcurrencyException("Audience assignments kept changing under a concurrent writer.");
        }
    }

    private async Task<AudiencePlan> PlanAsync(MembershipChange change, Guid? onlyLink, CancellationToken ct)
    {
        var links = await db.AudienceCourses.AsNoTracking()
            .Where(l => l.AudienceId == change.AudienceId && (onlyLink == null || l.Id == onlyLink)).ToListAsync(ct);
        var published = (await catalog.GetPublishedAsync(ct)).ToDictionary(c => c.CourseId);
        var plan = new AudiencePlan(change);
        var joinerIds = change.Joined.Select(j => j.UserId).ToList();
        var leaverIds = change.Left.Select(l => l.UserId).ToList();
        foreach (var link in links)
        {
            if (!published.TryGetValue(link.CourseId, out var course)) continue; // withdrawn: nothing to learn, nothing to assign
            var existing = joinerIds.Count == 0 ? [] : await db.Assignments.AsNoTracking()
                .Where(a => a.CourseId == link.CourseId && joinerIds.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, StringComparer.Ordinal, ct);
            var current = joinerIds.Count == 0 ? [] : (await db.Enrolments.AsNoTracking()
                .Where(e => e.CourseId == link.CourseId && e.IsCurrent && joinerIds.Contains(e.UserId)).Select(e => e.UserId).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var joiner in change.Joined)
            {
                var due = DueOn(link, change.StartsOn, joiner.JoinedOrganisationOn);
                if (!existing.TryGetValue(joiner.UserId, out var found))
                    plan.Assign(link, course, joiner.UserId, due, needsEnrolment: !current.Contains(joiner.UserId));
                // Reopen only what an earlier event closed: a replay of an old "joined" must not undo a later leave.
                else if (found.ClosedAt is { } closed && closed < change.OccurredAt)
                    plan.Reopen(found, due);
            }
            if (leaverIds.Count > 0) await PlanLeaversAsync(plan, link.CourseId, leaverIds, ct);
        }
        return plan;
    }

    /// <summary>Leavers' open audience assignments on one course: closed only when no audience attached to the course
    /// still holds the person (asked of Organisation now, so the order in which two audiences' events arrive does not
    /// matter); otherwise handed to an audience that still holds them. Manual assignments are never touched.</summary>
    private async Task PlanLeaversAsync(AudiencePlan plan, Guid courseId, List<string> leaverIds, CancellationToken ct)
    {
        var open = await db.Assignments.AsNoTracking()
            .Where(a => a.CourseId == courseId && a.AudienceId != null && a.ClosedAt == null && leaverIds.Contains(a.UserId))
            .Select(a => new AssignmentRef(a.Id, a.UserId, a.AudienceId!.Value)).ToListAsync(ct);
        if (open.Count == 0) return;
        var attached = await db.AudienceCourses.AsNoTracking().Where(l => l.CourseId == courseId).Select(l => l.AudienceId).ToListAsync(ct); // (audience, course) is unique
        var stays = (await membership.GetCurrentStaysAsync(attached, open.Select(a => a.UserId).ToList(), ct))
            .GroupBy(s => s.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var a in open)
        {
            if (!stays.TryGetValue(a.UserId, out var still)) plan.Close(a);
            // The audience that made it still holds the person (an old "left" replayed after they came back): keep it.
            else if (still.Any(s => s.AudienceId == a.AudienceId)) continue;
            else plan.Transfer(a, still[0]);
        }
    }

    /// <summary>The due date: days after the rule's start, or after the person's joining date (never before the
    /// course was attached, so nobody is overdue on the day they are assigned).</summary>
    public static DateOnly DueOn(AudienceCourse link, DateOnly startsOn, DateOnly joinedOn)
    {
        var from = link.DueFrom == DueFrom.RuleStart ? startsOn : joinedOn;
        var attached = VietnamClock.DateOf(link.CreatedAt);
        if (link.DueFrom == DueFrom.Joining && from < attached) from = attached;
        return from.AddDays(link.DueDays);
    }

    private async Task<bool> TryWriteAsync(AudiencePlan plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        plan.Stamp(now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var assigned = await BulkInsert.InsertAsync(db, plan.Assignments, ct);
        var enrolled = await BulkInsert.InsertAsync(db, plan.Enrolments, ct);
        if (assigned != plan.Assignments.Count || enrolled != plan.Enrolments.Count)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        var audience = plan.Change.AudienceId;
        var updated = 0;
        foreach (var group in plan.Reopened.GroupBy(r => r.DueOn))
        {
            var ids = group.Select(r => r.Id).ToList();
            updated += await db.Assignments.Where(a => ids.Contains(a.Id) && a.ClosedAt != null).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ClosedAt, (DateTimeOffset?)null).SetProperty(a => a.ClosedReason, (string?)null)
                .SetProperty(a => a.AudienceId, audience).SetProperty(a => a.DueOn, group.Key), ct);
        }
        foreach (var t in plan.Transferred)
        {
            var (id, from, to, target) = (t.Ref.Id, t.Ref.AudienceId, t.To.AudienceId, AudiencePlan.TargetOf(t.To.AudienceName));
            updated += await db.Assignments.Where(a => a.Id == id && a.AudienceId == from && a.ClosedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.AudienceId, to).SetProperty(a => a.Target, target), ct);
        }
        foreach (var group in plan.Closed.GroupBy(c => c.Reason))
        {
            var ids = group.Select(c => c.Id).ToList();
            var at = plan.Change.OccurredAt;
            updated += await db.Assignments.Where(a => ids.Contains(a.Id) && a.ClosedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ClosedAt, at).SetProperty(a => a.ClosedReason, group.Key), ct);
        }
        // Another delivery of the same change (at-least-once) got there first: plan again, which finds nothing left.
        if (updated != plan.Reopened.Count + plan.Closed.Count + plan.Transferred.Count)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await BulkInsert.InsertAsync(db, plan.History, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Audience {Audience}: {Assigned} assigned, {Reopened} reopened, {Closed} closed, {Transferred} kept by another audience.",
            audience, plan.Assignments.Count, plan.Reopened.Count, plan.Closed.Count, plan.Transferred.Count);
        return true;
    }
}
