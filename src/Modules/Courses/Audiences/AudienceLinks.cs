using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Audiences;
using Training.Courses.Data;

namespace Training.Courses.Audiences;

/// <summary>Attaches audiences to courses. Attaching assigns the audience's current members at once; later members
/// come through the membership events.</summary>
public sealed class AudienceLinks(CoursesDbContext db, IAudienceDirectory audiences, AudienceAssigner assigner, TimeProvider clock)
{
    /// <summary>The attachment (existing or new) and how many people it assigned now.</summary>
    public async Task<(AudienceCourse Link, int Assigned)> AttachAsync(AudienceInfo audience, Guid courseId, DueFrom from, int days, string by,
        CancellationToken ct = default)
    {
        var link = await db.AudienceCourses.AsNoTracking().FirstOrDefaultAsync(l => l.AudienceId == audience.Id && l.CourseId == courseId, ct);
        if (link is null)
        {
            link = new AudienceCourse
            {
                Id = Guid.NewGuid(), AudienceId = audience.Id, CourseId = courseId, DueFrom = from, DueDays = days, CreatedBy = by, CreatedAt = clock.GetUtcNow(),
            };
            db.AudienceCourses.Add(link);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var members = await audiences.GetMembersAsync(audience.Id, ct);
        var plan = await assigner.ApplyAsync(new MembershipChange(audience.Id, audience.Name, audience.StartsOn, clock.GetUtcNow(), members, []), link.Id, ct);
        return (link, plan.Assignments.Count + plan.Reopened.Count);
    }
}
