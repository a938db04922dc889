using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Courses.Data;

namespace Training.Courses.Services;

/// <summary>The rows one assignment must add, computed outside any transaction.</summary>
public sealed record AssignmentPlan(List<Assignment> Assignments, List<Enrolment> Enrolments, List<XapiStatement> Statements,
    List<Guid> EarlierDue, DateOnly DueOn)
{
    /// <summary>Assignments an audience made (open or closed) that HR now makes by hand: they become manual, so the
    /// person keeps them when the audience lets go; a closed one is reopened with HR's due date.</summary>
    public List<(Guid Id, bool WasClosed)> TakenOver { get; } = [];

    public List<AssignmentHistory> History { get; } = [];

    /// <summary>HR's description of the target (kept on the assignments it makes or takes over).</summary>
    public string Target { get; init; } = "";
}

/// <summary>Compares the target people with the course's assignments and current enrolments (two reads, no writes):
/// only people not yet assigned get an assignment; those without a current run get an enrolment (with its xAPI
/// "registered" statement); those with an unfinished run get the earlier due date.</summary>
public sealed class AssignmentPlanner(CoursesDbContext db, TimeProvider clock)
{
    public async Task<AssignmentPlan> PlanAsync(AssignmentRequest request, IReadOnlyList<PersonInfo> people, CancellationToken ct)
    {
        var courseId = request.Course.CourseId;
        var assigned = await db.Assignments.AsNoTracking().Where(a => a.CourseId == courseId)
            .Select(a => new { a.Id, a.UserId, a.AudienceId, a.ClosedAt }).ToDictionaryAsync(a => a.UserId, StringComparer.Ordinal, ct);
        var current = (await db.Enrolments.AsNoTracking().Where(e => e.CourseId == courseId && e.IsCurrent)
                .Select(e => new { e.Id, e.UserId, e.DueOn, e.CompletedAt }).ToListAsync(ct))
            .ToDictionary(e => e.UserId, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var plan = new AssignmentPlan([], [], [], [], request.DueOn) { Target = request.Target };
        foreach (var person in people)
        {
            if (assigned.TryGetValue(person.UserId, out var found))
            {
                if (found.AudienceId is not null)
                {
                    plan.TakenOver.Add((found.Id, found.ClosedAt is not null));
                    plan.History.Add(new AssignmentHistory
                    {
                        Id = Guid.NewGuid(), AssignmentId = found.Id, Kind = AssignmentHistoryKinds.Manual, Reason = request.Target, At = now,
                    });
                }
                continue;
            }
            plan.Assignments.Add(new Assignment
            {
                Id = Guid.NewGuid(), CourseId = courseId, UserId = person.UserId, DueOn = request.DueOn, AssignedBy = request.AssignedBy,
                AssignedAt = now, Target = request.Target,
            });
            if (current.TryGetValue(person.UserId, out var run))
            {
                if (run.CompletedAt is null && (run.DueOn is null || run.DueOn > request.DueOn)) plan.EarlierDue.Add(run.Id);
                continue;
            }
            plan.Enrolments.Add(new Enrolment
            {
                Id = Guid.NewGuid(), UserId = person.UserId, CourseId = courseId, VersionId = request.Course.VersionId,
                Source = EnrolmentSource.Assigned, EnrolledAt = now, DueOn = request.DueOn, IsCurrent = true,
            });
            plan.Statements.Add(XapiRecorder.Statement(person, XapiVerbs.Registered, "course", $"/courses/{request.Course.Code}",
                request.Course.Title, now));
        }
        return plan;
    }
}
