using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Events;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Seed;

namespace Training.Certification.Tests;

/// <summary>Test helpers: a site with a fake clock (22/11/2026 09:00 in Vietnam), programmes, and completions published
/// straight to the module's handler as the outbox would.</summary>
public static class CertificationHost
{
    public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public static (TrainingApp App, FakeTimeProvider Clock) Create(TestDatabase database = TestDatabase.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Now);
        var app = new TrainingApp(database: database, settings: settings);
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        return (app, clock);
    }

    public static async Task<Programme> AddProgrammeAsync(this TrainingApp app, string code = "CT-KPL", string courses = "KPL-01",
        int? needed = null, int? months = 24, decimal minScore = 70m)
    {
        var programme = CertificationDemoSeeder.Programmes()[0];
        programme.Id = Guid.NewGuid();
        programme.Code = code;
        programme.CourseCodes = courses;
        programme.RequiredCount = needed;
        programme.ValidityMonths = months;
        programme.MinScore = minScore;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
        });
        return programme;
    }

    public static CourseCompleted Completion(string userId, string courseCode, decimal score = 90m, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), at ?? Now, Guid.NewGuid(), userId, Guid.NewGuid(), courseCode, "Khóa học " + courseCode, 1, score, at ?? Now);

    public static Task PublishAsync(this TrainingApp app, CourseCompleted e) => app.WithScopeAsync(async sp =>
    {
        foreach (var handler in sp.GetServices<IDomainEventHandler<CourseCompleted>>()) await handler.HandleAsync(e, CancellationToken.None);
    });

    public static Task<List<Certificate>> CertificatesAsync(this TrainingApp app, string? userId = null) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Certificates.AsNoTracking()
            .Where(c => userId == null || c.UserId == userId).ToListAsync());

    public static async Task<Certificate> IssueAsync(this TrainingApp app, Programme programme, string userId)
    {
        await app.PublishAsync(Completion(userId, programme.CourseCodeList[0]));
        return (await app.CertificatesAsync(userId)).Single(c => c.ProgrammeId == programme.Id);
    }
}
