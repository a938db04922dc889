using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Certification.Cycles;
using Training.Certification.Data;
using Training.Courses.Data;
using Training.Platform.Time;

namespace Training.LegalLibrary.Tests.LawChange;

/// <summary>Issue 12 item 5 with the demo data: KPL-01's seeded lesson cites Luật An ninh mạng 24/2018/QH14, which
/// 116/2025/QH15 replaces from 01/07/2026. The flags follow the injected clock; republishing a course marked
/// "cần cập nhật" opens a new cycle for the holders of CT-KPL, who get the course assigned again.</summary>
public sealed class LawChangeTests
{
    private const string Replaced = "bị thay thế từ 01/07/2026 bởi Luật An ninh mạng 2025 (116/2025/QH15)";
    private const string Soon = "sẽ bị thay thế từ 01/07/2026 bởi";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task SeededLessonsAreFlaggedAfterTheChangeAndRepublishingOpensANewCycle(TestDatabase database)
    {
        var (app, clock) = await CreateAsync(database, new DateOnly(2025, 12, 1));
        using var _ = app;
        var admin = app.CreateBrowser();
        await admin.SignInAsync("admin");

        // More than 180 days before the change: nothing flagged.
        var home = await admin.GetAsync("/authoring");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("changing-law", await home.Content.ReadAsStringAsync());
        var (lessonUrl, editorUrl) = await KplLessonAsync(app);
        Assert.DoesNotContain("116/2025/QH15", await (await app.CreateClient().GetAsync(lessonUrl)).Content.ReadAsStringAsync());

        // Within 180 days: announced; after 01/07/2026: replaced, on the authoring home, in the editor, beside the lesson.
        clock.SetUtcNow(VietnamClock.StartOf(new DateOnly(2026, 3, 1)).AddHours(9).ToUniversalTime());
        admin = app.CreateBrowser();
        await admin.SignInAsync("admin");
        Assert.Contains(Soon, await (await admin.GetAsync("/authoring")).Content.ReadAsStringAsync());
        clock.SetUtcNow(VietnamClock.StartOf(new DateOnly(2026, 7, 1)).AddHours(9).ToUniversalTime());
        admin = app.CreateBrowser();
        await admin.SignInAsync("admin");
        home = await admin.GetAsync("/authoring");
        var homeHtml = await home.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("changing-law", homeHtml);
        Assert.Contains("KPL-01", homeHtml);
        Assert.Contains(Replaced, homeHtml);
        var editor = await admin.GetAsync(editorUrl);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Contains(Replaced, await editor.Content.ReadAsStringAsync());
        var lesson = await app.CreateClient().GetAsync(lessonUrl);
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
        Assert.Contains("citation-notice", await lesson.Content.ReadAsStringAsync());

        // Mark KPL-01 "cần cập nhật", republish: CT-KPL's holders get cycle n+1 and the course again.
        var (courseId, programme, holders) = await HoldersAsync(app);
        Assert.NotEmpty(holders);
        var course = $"/authoring/{courseId}";
        var marked = await admin.PostFormAsync(course, new Dictionary<string, string> { ["reason"] = "Luật An ninh mạng 2025 có hiệu lực", ["dueOn"] = "2026-09-30" },
            course + "?handler=RequestUpdate");
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Contains("update-requested", await marked.Content.ReadAsStringAsync());
        var published = await admin.PostFormAsync(course, new Dictionary<string, string>(), course + "?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var assigned = await EventuallyAsync(app, async db =>
        {
            var rows = await db.CycleAssignments.AsNoTracking().Where(a => a.ProgrammeId == programme.Id).ToListAsync();
            return rows.Count >= holders.Count ? rows : null;
        });
        Assert.Equal(holders.Select(h => h.UserId).Order(), assigned.Select(a => a.UserId).Order());
        Assert.All(assigned, a => Assert.Equal(("course-updated", new DateOnly(2026, 9, 30), courseId), (a.Reason, a.DueOn, a.CourseId)));
        Assert.All(assigned, a => Assert.Equal(holders.Single(h => h.UserId == a.UserId).Cycle + 1, a.Cycle));
        // The mark is cleared by the publication.
        Assert.DoesNotContain("update-requested", await (await admin.GetAsync(course)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnlyAnAdministratorWhoEditsEveryCourseMayMarkACourse()
    {
        var (app, _) = await CreateAsync(TestDatabase.Sqlite, new DateOnly(2026, 7, 2));
        using var _app = app;
        var (courseId, _, _) = await HoldersAsync(app);
        var trainer = app.CreateBrowser();
        await trainer.SignInAsync("trainer");
        var course = $"/authoring/{courseId}";
        var refused = await trainer.PostFormAsync(course, new Dictionary<string, string> { ["reason"] = "x" }, course + "?handler=RequestUpdate");
        // The site answers a forbidden page request with its access-denied page.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery);

        var admin = app.CreateBrowser();
        await admin.SignInAsync("admin");
        var empty = await admin.PostFormAsync(course, new Dictionary<string, string> { ["reason"] = " " }, course + "?handler=RequestUpdate");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Lý do cần cập nhật", await empty.Content.ReadAsStringAsync());
        var past = await admin.PostFormAsync(course, new Dictionary<string, string> { ["reason"] = "Luật mới", ["dueOn"] = "2026-01-01" },
            course + "?handler=RequestUpdate");
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
    }

    private static async Task<(TrainingApp, FakeTimeProvider)> CreateAsync(TestDatabase database, DateOnly day)
    {
        var clock = new FakeTimeProvider(VietnamClock.StartOf(day).AddHours(9).ToUniversalTime());
        var app = new TrainingApp(seedDemo: true, database: database, settings: new Dictionary<string, string?>
        {
            ["Certification:Recertification:Enabled"] = "false",
        });
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        _ = app.Server;
        await LegalFixture.ImportAsync(app, LegalFixture.Corpus);
        // The import publishes LegalLibraryChanged; the courses refresh their citations through the outbox.
        await EventuallyAsync(app, async db => await db.Citations.AnyAsync() ? "" : null);
        return (app, clock);
    }

    private static Task<(string Lesson, string Editor)> KplLessonAsync(TrainingApp app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CoursesDbContext>();
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Code == "KPL-01");
        var lesson = await db.VersionLessons.AsNoTracking().Where(l => l.VersionId == course.PublishedVersionId && l.Markdown.Contains("[[Luật An ninh mạng, Điều 8]]"))
            .SingleAsync();
        return ($"/courses/KPL-01/lessons/{lesson.Id}", $"/authoring/{course.Id}/lessons/{lesson.SourceLessonId}");
    });

    private static Task<(Guid CourseId, Programme Programme, List<Holding> Holders)> HoldersAsync(TrainingApp app) => app.WithScopeAsync(async sp =>
    {
        var courseId = await sp.GetRequiredService<CoursesDbContext>().Courses.Where(c => c.Code == "KPL-01").Select(c => c.Id).SingleAsync();
        var db = sp.GetRequiredService<CertificationDbContext>();
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Code == "CT-KPL");
        var today = sp.GetRequiredService<TimeProvider>().Today();
        return (courseId, programme, await CycleHolders.OnAsync(db, programme.Id, today, CancellationToken.None));
    });

    private static async Task<T> EventuallyAsync<T>(TrainingApp app, Func<CoursesDbContext, Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await app.WithScopeAsync(sp => probe(sp.GetRequiredService<CoursesDbContext>()));
            if (value is not null) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The outbox did not deliver in 60 s: {await app.DescribeOutboxesAsync()}.");
            await app.RetryFailedOutboxMessagesAsync();
            await Task.Delay(200);
        }
    }
}
