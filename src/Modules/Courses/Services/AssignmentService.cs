using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Organisation;
using Training.Courses.Data;

namespace Training.Courses.Services;

/// <summary>HR assigns a published course to a unit subtree (optionally some staff categories) with a due date.</summary>
public sealed record AssignmentRequest(CatalogItem Course, OrgUnitInfo Unit, IReadOnlyList<string> Categories, DateOnly DueOn, string AssignedBy, string Target);

/// <summary>What one assignment did: people in the target, newly assigned (inserted and committed), already assigned
/// before (left as they were), and how long the write transaction took.</summary>
public sealed record AssignmentOutcome(int InTarget, int Added, int AlreadyAssigned, TimeSpan WriteTime);

/// <summary>Bulk assignment as one set-based, idempotent, all-or-nothing operation. Everything is computed outside the
/// write transaction; the transaction only inserts the missing assignments, enrolments and xAPI statements and moves
/// due dates, so it stays short (SQLite has one writer). The unique index on (course, person) makes a re-run add
/// nothing; a crash before the commit leaves nothing.</summary>
public sealed class AssignmentService(CoursesDbContext db, IOrgDirectory directory, AssignmentPlanner planner, ILogger<AssignmentService> log)
{
    private const int Attempts = 3;

    public async Task<AssignmentOutcome> AssignAsync(AssignmentRequest request, UnitScope scope, CancellationToken ct = default)
    {
        var people = (await directory.GetPeopleAsync(new PeopleQuery(request.Unit.Id, request.Categories), ct))
            .Where(p => scope.All || p.UnitIds.Any(scope.UnitIds.Contains))
            .DistinctBy(p => p.UserId, StringComparer.Ordinal).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var plan = await planner.PlanAsync(request, people, ct);
            var clock = Stopwatch.StartNew();
            if (await TryWriteAsync(plan, ct)) return new(people.Count, plan.Assignments.Count, people.Count - plan.Assignments.Count, clock.Elapsed);
            // Someone assigned or enrolled some of these people between the plan and the write: plan again.
            if (attempt == Attempts) throw new DbUpdateConcurrencyException("The assignment kept changing under a concurrent writer.");
        }
    }

    /// <summary>One short transaction; false (rolled back) when a row of the plan already exists.</summary>
    private async Task<bool> TryWriteAsync(AssignmentPlan plan, CancellationToken ct)
    {
        log.LogInformation("Assignment write starts: {Assignments} assignments, {Enrolments} enrolments, {DueDates} due dates",
            plan.Assignments.Count, plan.Enrolments.Count, plan.EarlierDue.Count);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var assigned = await BulkInsert.InsertAsync(db, plan.Assignments, ct);
        var enrolled = await BulkInsert.InsertAsync(db, plan.Enrolments, ct);
        if (assigned != plan.Assignments.Count || enrolled != plan.Enrolments.Count)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await BulkInsert.InsertAsync(db, plan.Statements, ct);
        if (plan.EarlierDue.Count > 0)
        {
            var ids = plan.EarlierDue;
            var due = plan.DueOn;
            await db.Enrolments.Where(e => ids.Contains(e.Id) && e.CompletedAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.DueOn, due), ct);
        }
        if (plan.TakenOver.Count > 0 && !await TakeOverAsync(plan, ct))
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await tx.CommitAsync(ct);
        log.LogInformation("Assignment write committed: {Assignments} assignments, {TakenOver} taken over from audiences",
            plan.Assignments.Count, plan.TakenOver.Count);
        return true;
    }

    /// <summary>Audience assignments become manual (closed ones reopen with HR's due date); false when one changed
    /// since the plan.</summary>
    private async Task<bool> TakeOverAsync(AssignmentPlan plan, CancellationToken ct)
    {
        var (due, target) = (plan.DueOn, plan.Target);
        var updated = 0;
        foreach (var group in plan.TakenOver.GroupBy(t => t.WasClosed))
        {
            var ids = group.Select(t => t.Id).ToList();
            var rows = db.Assignments.Where(a => ids.Contains(a.Id) && a.AudienceId != null);
            updated += group.Key
                ? await rows.Where(a => a.ClosedAt != null).ExecuteUpdateAsync(s => s.SetProperty(a => a.AudienceId, (Guid?)null)
                    .SetProperty(a => a.ClosedAt, (DateTimeOffset?)null).SetProperty(a => a.ClosedReason, (string?)null)
                    .SetProperty(a => a.Target, target).SetProperty(a => a.DueOn, due), ct)
                : await rows.Where(a => a.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.AudienceId, (Guid?)null)
                    .SetProperty(a => a.Target, target), ct);
        }
        if (updated != plan.TakenOver.Count) return false;
        await BulkInsert.InsertAsync(db, plan.History, ct);
        return true;
    }
}
