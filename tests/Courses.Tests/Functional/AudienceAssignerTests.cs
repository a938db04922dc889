using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Audiences;
using Training.Abstractions.Security;
using Training.Courses.Audiences;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>An audience attached to several courses: a membership change is planned in a fixed number of reads and written
/// in a fixed number of statements, whatever the number of courses and people, with the same outcome per course.</summary>
public sealed class AudienceAssignerTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();
    private const string Reason = "Đã chuyển công tác";

    /// <summary>Organisation's answer, ordered as Organisation orders it (joining date, then name).</summary>
    private sealed class FakeMembership : IAudienceMembership
    {
        public List<AudienceStay> Stays { get; } = [];
        public int Calls;

        public Task<IReadOnlyList<AudienceStay>> GetCurrentStaysAsync(IReadOnlyCollection<Guid> audienceIds, IReadOnlyCollection<string> userIds,
            CancellationToken ct = default)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult<IReadOnlyList<AudienceStay>>(Stays.Where(s => audienceIds.Contains(s.AudienceId) && userIds.Contains(s.UserId))
                .OrderBy(s => s.JoinedOn).ThenBy(s => s.AudienceName).ToList());
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task LeaversAndJoinersOfAnAudienceOnThreeCoursesArePlannedAndWrittenSetBased(TestDatabase database)
    {
        var commands = new CommandLog();
        var membership = new FakeMembership();
        using var app = new TrainingApp(database: database, settings: new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" }).WithServices(s =>
        {
            s.AddSingleton<IAudienceMembership>(membership);
            s.LogCommands<CoursesSqliteDbContext, CoursesPostgresDbContext>(commands);
        });
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var courses = new List<Guid>();
        for (var i = 1; i <= 3; i++) courses.Add((await app.CreatePublishedCourseAsync(trainer.Id, code: $"AUD-0{i}")).CourseId);
        var since = DateTimeOffset.UtcNow.AddDays(-30);
        // A and B are attached to every course, C only to the third.
        var open = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            foreach (var course in courses)
                foreach (var audience in course == courses[2] ? new[] { A, B, C } : [A, B])
                    db.AudienceCourses.Add(new AudienceCourse { Id = Guid.NewGuid(), AudienceId = audience, CourseId = course, DueDays = 30, CreatedBy = "hr", CreatedAt = since });
            var rows = courses.SelectMany(course => new[] { "u1", "u2", "u3" }.Select(user => new Assignment
            {
                Id = Guid.NewGuid(), CourseId = course, UserId = user, DueOn = new DateOnly(2027, 1, 1), AssignedBy = "hr", AssignedAt = since,
                Target = AudiencePlan.TargetOf("A"), AudienceId = A,
            })).ToList();
            db.Assignments.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.ToDictionary(r => (r.CourseId, r.UserId), r => r.Id);
        });
        // u1 is still in B (on every course), u2 only in C (attached to the third course), u3 in none.
        membership.Stays.Add(new AudienceStay(B, "B", "u1", new DateOnly(2026, 1, 1)));
        membership.Stays.Add(new AudienceStay(C, "C", "u2", new DateOnly(2026, 1, 1)));
        var left = new MembershipChange(A, "A", new DateOnly(2026, 1, 1), DateTimeOffset.UtcNow, [],
            new[] { "u1", "u2", "u3" }.Select(u => new AudienceLeaver(u, Reason)).ToList());

        commands.Clear();
        var plan = await app.WithScopeAsync(sp => sp.GetRequiredService<AudienceAssigner>().ApplyAsync(left));

        Assert.Equal((4, 5), (plan.Transferred.Count, plan.Closed.Count));
        Assert.Equal(1, membership.Calls); // once for every course
        Assert.Equal(1, commands.Reads("courses_assignments"));
        Assert.Equal(2, commands.Reads("courses_audience_courses")); // the audience's links; the audiences beside them
        Assert.Equal(3, commands.Updates("courses_assignments")); // A→B, A→C, closed with one reason
        var after = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Assignments.AsNoTracking().ToListAsync());
        var byKey = after.ToDictionary(a => (a.CourseId, a.UserId));
        foreach (var course in courses)
        {
            Assert.Equal((B, AudiencePlan.TargetOf("B"), (string?)null), (byKey[(course, "u1")].AudienceId, byKey[(course, "u1")].Target, byKey[(course, "u1")].ClosedReason));
            Assert.Equal(course == courses[2] ? (C, (string?)null) : (A, Reason), (byKey[(course, "u2")].AudienceId!.Value, byKey[(course, "u2")].ClosedReason));
            Assert.Equal(Reason, byKey[(course, "u3")].ClosedReason);
        }
        Assert.Equal(9, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().AssignmentHistory.CountAsync()));

        // Two people join: j1 already runs the first course by themselves (no second run); u3 comes back (reopened).
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var version = await db.Versions.Where(v => v.CourseId == courses[0]).Select(v => v.Id).FirstAsync();
            db.Enrolments.Add(new Enrolment { Id = Guid.NewGuid(), UserId = "j1", CourseId = courses[0], VersionId = version, Source = EnrolmentSource.Self, EnrolledAt = since });
            await db.SaveChangesAsync();
        });
        var joined = new MembershipChange(A, "A", new DateOnly(2026, 1, 1), DateTimeOffset.UtcNow.AddSeconds(1),
            new[] { "j1", "j2", "u3" }.Select(u => new AudienceJoiner(u, new DateOnly(2026, 1, 1))).ToList(), []);

        commands.Clear();
        plan = await app.WithScopeAsync(sp => sp.GetRequiredService<AudienceAssigner>().ApplyAsync(joined));

        Assert.Equal((6, 5, 3), (plan.Assignments.Count, plan.Enrolments.Count, plan.Reopened.Count));
        Assert.Equal(1, commands.Reads("courses_assignments"));
        Assert.Equal(1, commands.Reads("courses_enrolments"));
        var reopened = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Assignments.AsNoTracking()
            .Where(a => a.UserId == "u3").ToListAsync());
        Assert.All(reopened, a => Assert.Equal((A, (string?)null), (a.AudienceId!.Value, a.ClosedReason)));
        Assert.Equal(2, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Enrolments.CountAsync(e => e.CourseId == courses[0])));
    }
}
