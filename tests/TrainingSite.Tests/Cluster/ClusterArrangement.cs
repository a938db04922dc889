using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Training.Abstractions.Events;
using Training.Certification.Data;
using Training.Organisation.Data;
using Training.Platform.Outbox;
using Training.Reporting.Data;
using Training.Reporting.Reminders;
using Training.Testing.Cluster;

namespace Training.Site.Tests.Cluster;

/// <summary>Arranges data in a cluster's database through the site's own services (an in-process host on the same
/// database with none of its background services: it is not a third node, it dispatches nothing and runs no job).</summary>
internal static class ClusterArrangement
{
    public static TrainingApp Open(SiteCluster cluster)
    {
        var app = new TrainingApp(database: TestDatabase.Postgres, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = cluster.ConnectionString,
        });
        return app.WithServices(services =>
        {
            // Keep only the web host's own service (the test server); drop migrations, dispatchers, jobs, listeners.
            for (var i = services.Count - 1; i >= 0; i--)
                if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.Name != "GenericWebHostService")
                    services.RemoveAt(i);
        });
    }

    /// <summary>A programme earned by one course, the way an administrator sets it up.</summary>
    public static Task<Guid> AddProgrammeAsync(this TrainingApp app, string code, string courseCode) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            var programme = new Programme
            {
                Id = Guid.NewGuid(), Code = code, Name = "Chương trình nhiều máy chủ " + code, CourseCodes = courseCode, MinScore = 50,
                IssuingBody = "UBND tỉnh Ninh Bình", IssuingUnitName = "Sở Nội vụ", IssuerCode = code, Place = "Ninh Bình",
                SignerTitle = "GIÁM ĐỐC", SignerName = "Nguyễn Văn Ký", Wording = "Đã hoàn thành chương trình bồi dưỡng", IsActive = true,
            };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            return programme.Id;
        });

    /// <summary><paramref name="count"/> staff in the demo's first unit (no password: they never sign in).</summary>
    public static Task<List<string>> AddStaffAsync(this TrainingApp app, string prefix, int count) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var unit = db.Units.OrderBy(u => u.Name).First();
            var ids = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var name = $"{prefix}{i:000}";
                var user = new TrainingUser
                {
                    UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = $"{name}@nodes.test",
                    NormalizedEmail = $"{name}@NODES.TEST", FullName = $"Cán bộ {name}", StaffCode = name.ToUpperInvariant(),
                    PrimaryUnitId = unit.Id, CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(user);
                db.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = unit.Id, IsPrimary = true });
                ids.Add(user.Id);
            }
            await db.SaveChangesAsync();
            return ids;
        });

    /// <summary>Completions as the Courses module records them: one <see cref="CourseCompleted"/> per person in its outbox,
    /// committed together, so both nodes' dispatchers find a burst at once.</summary>
    public static Task EnqueueCompletionsAsync(this TrainingApp app, IEnumerable<string> userIds, string courseCode) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Training.Courses.Data.CoursesDbContext>();
            var now = DateTimeOffset.UtcNow;
            var course = Guid.NewGuid();
            foreach (var user in userIds)
            {
                var completion = Guid.NewGuid();
                db.Enqueue(new CourseCompleted(completion, now, completion, user, course, courseCode, "Khóa học nhiều máy chủ", 1, 100, now, 4));
            }
            await db.SaveChangesAsync();
        });

    /// <summary>E-mails as the reminder scan queues them (Reporting's outbox), committed together.</summary>
    public static Task EnqueueEmailsAsync(this TrainingApp app, string prefix, int count) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
                db.Enqueue(new ReminderEmail(Guid.NewGuid(), now, Guid.NewGuid(), $"{prefix}{i:000}@nodes.test", $"Cán bộ {prefix}{i:000}",
                    "Nhắc hoàn thành khóa học", "Anh/chị còn khóa học chưa hoàn thành."));
            await db.SaveChangesAsync();
        });
}
