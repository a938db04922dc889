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

    /// <summary>The plan of the change over every attached course, in a fixed number of reads whatever the number of
    /// courses: the joiners' assignments and current runs, the leavers' open audience assignments, the audiences attached
    /// to those courses and the leavers' current stays in them are each read once for all the courses.</summary>
    private async Task<AudiencePlan> PlanAsync(MembershipChange change, Guid? onlyLink, CancellationToken ct)
    {
        var links = await db.AudienceCourses.AsNoTracking()
            .Where(l => l.AudienceId == change.AudienceId && (onlyLink == null || l.Id == onlyLink)).ToListAsync(ct);
        var published = (await catalog.GetPublishedAsync(ct)).ToDictionary(c => c.CourseId);
        var plan = new AudiencePlan(change);
        // Withdrawn courses: nothing to learn, nothing to assign. (audience, course) is unique: one link per course.
        var live = links.Where(l => published.ContainsKey(l.CourseId)).ToList();
        if (live.Count == 0) return plan;
        var courseIds = live.Select(l => l.CourseId).ToList();
        var joinerIds = change.Joined.Select(j => j.UserId).ToList();
        var leaverIds = change.Left.Select(l => l.UserId).ToList();
        var existing = joinerIds.Count == 0 ? [] : (await db.Assignments.AsNoTracking()
            .Where(a => courseIds.Contains(a.CourseId) && joinerIds.Contains(a.UserId)).ToListAsync(ct))
            .ToDictionary(a => (a.CourseId, a.UserId));
        var current = joinerIds.Count == 0 ? [] : (await db.Enrolments.AsNoTracking()
            .Where(e => courseIds.Contains(e.CourseId) && e.IsCurrent && joinerIds.Contains(e.UserId))
            .Select(e => new { e.CourseId, e.UserId }).ToListAsync(ct)).Select(e => (e.CourseId, e.UserId)).ToHashSet();
        foreach (var link in live)
        {
            var course = published[link.CourseId];
            foreach (var joiner in change.Joined)
            {
                var due = DueOn(link, change.StartsOn, joiner.JoinedOrganisationOn);
                if (!existing.TryGetValue((link.CourseId, joiner.UserId), out var found))
                    plan.Assign(link, course, joiner.UserId, due, needsEnrolment: !current.Contains((link.CourseId, joiner.UserId)));
                // Reopen only what an earlier event closed: a replay of an old "joined" must not undo a later leave.
                else if (found.ClosedAt is { } closed && closed < change.OccurredAt)
                    plan.Reopen(found, due);
            }
        }
        if (leaverIds.Count > 0) await PlanLeaversAsync(plan, courseIds, leaverIds, ct);
        return plan;
    }

    /// <summary>Leavers' open audience assignments on the courses: each closed only when no audience attached to its
    /// course still holds the person (asked of Organisation now, so the order in which two audiences' events arrive does
    /// not matter); otherwise handed to an audience that still holds them. Manual assignments are never touched.</summary>
    private async Task PlanLeaversAsync(AudiencePlan plan, List<Guid> courseIds, List<string> leaverIds, CancellationToken ct)
    {
        var open = await db.Assignments.AsNoTracking()
            .Where(a => courseIds.Contains(a.CourseId) && a.AudienceId != null && a.ClosedAt == null && leaverIds.Contains(a.UserId))
            .Select(a => new { a.CourseId, Ref = new AssignmentRef(a.Id, a.UserId, a.AudienceId!.Value) }).ToListAsync(ct);
        if (open.Count == 0) return;
        var openCourses = open.Select(a => a.CourseId).Distinct().ToList();
        var attached = (await db.AudienceCourses.AsNoTracking().Where(l => openCourses.Contains(l.CourseId))
            .Select(l => new { l.CourseId, l.AudienceId }).ToListAsync(ct))
            .GroupBy(l => l.CourseId).ToDictionary(g => g.Key, g => g.Select(l => l.AudienceId).ToHashSet());
        var audiences = attached.Values.SelectMany(g => g).Distinct().ToList();
        // Ordered by joining date then name: the first stay among a course's audiences is the one that takes the assignment.
        var stays = (await membership.GetCurrentStaysAsync(audiences, open.Select(a => a.Ref.UserId).Distinct(StringComparer.Ordinal).ToList(), ct))
            .ToLookup(s => s.UserId, StringComparer.Ordinal);
        foreach (var (courseId, a) in open.Select(o => (o.CourseId, o.Ref)))
        {
            var onCourse = attached.GetValueOrDefault(courseId) ?? [];
            var still = stays[a.UserId].Where(s => onCourse.Contains(s.AudienceId)).ToList();
            if (still.Count == 0) plan.Close(a);
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
        // The groups of ids are computed before the transaction: inside it, one statement per group.
        var audience = plan.Change.AudienceId;
        var reopened = plan.Reopened.GroupBy(r => r.DueOn).Select(g => (DueOn: g.Key, Ids: g.Select(r => r.Id).ToList())).ToList();
        var transferred = plan.Transferred.GroupBy(t => (From: t.Ref.AudienceId, To: t.To.AudienceId, Target: AudiencePlan.TargetOf(t.To.AudienceName)))
            .Select(g => (g.Key.From, g.Key.To, g.Key.Target, Ids: g.Select(t => t.Ref.Id).ToList())).ToList();
        var closed = plan.Closed.GroupBy(c => c.Reason).Select(g => (Reason: g.Key, Ids: g.Select(c => c.Id).ToList())).ToList();
        var at = plan.Change.OccurredAt;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var assigned = await BulkInsert.InsertAsync(db, plan.Assignments, ct);
        var enrolled = await BulkInsert.InsertAsync(db, plan.Enrolments, ct);
        if (assigned != plan.Assignments.Count || enrolled != plan.Enrolments.Count)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        var updated = 0;
        foreach (var (dueOn, ids) in reopened)
            updated += await db.Assignments.Where(a => ids.Contains(a.Id) && a.ClosedAt != null).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ClosedAt, (DateTimeOffset?)null).SetProperty(a => a.ClosedReason, (string?)null)
                .SetProperty(a => a.AudienceId, audience).SetProperty(a => a.DueOn, dueOn), ct);
        // Transfers: one statement per (from, to) pair of audiences, not per row (a leaver of one audience usually passes
        // to the same other audience on every course).
        foreach (var (from, to, target, ids) in transferred)
            updated += await db.Assignments.Where(a => ids.Contains(a.Id) && a.AudienceId == from && a.ClosedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.AudienceId, to).SetProperty(a => a.Target, target), ct);
        foreach (var (reason, ids) in closed)
            updated += await db.Assignments.Where(a => ids.Contains(a.Id) && a.ClosedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ClosedAt, at).SetProperty(a => a.ClosedReason, reason), ct);
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
