using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Security;
using Training.Abstractions.Storage;
using Training.Courses.Data;
using Training.Courses.Media.Data;
using Training.Courses.Scorm.Data;
using Training.Platform.Storage;

namespace Training.Courses.Tests.Media;

/// <summary>The orphan sweep and the course files: what an item or a package names stays, what nothing names goes.</summary>
public sealed class MediaSweepTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TheSweepKeepsFilesAnItemOrAPackageNamesAndRemovesTheRest(TestDatabase database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new TrainingApp(database: database, settings: new Dictionary<string, string?> { ["Storage:Sweep"] = "false" })
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var author = app.CreateBrowser();
        await author.SignInAsync("giangvien");
        Assert.Equal(HttpStatusCode.Created, (await author.UploadAsync(course.CourseId, new MediaFiles.Upload("v.mp4", MediaFiles.Mp4(), Slug: "giu-lai", Captions: MediaFiles.Vtt))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await author.UploadAsync(course.CourseId, new MediaFiles.Upload("s.png", MediaFiles.Png(), Slug: "mat-dau"))).Response.StatusCode);
        var scorm = await author.PostMultipartAsync($"/authoring/{course.CourseId}/scorm", new Dictionary<string, string>(),
            [("package", "goi.zip", "application/zip", ScormPackages.Build(ScormPackages.Scorm12, 1))]);
        Assert.Equal(HttpStatusCode.OK, scorm.StatusCode);
        var store = app.Services.GetRequiredService<IBlobStore>();
        // An item whose row went without its file, and the first file of an import that died before its one write.
        var lostItem = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediaDbContext>();
            var item = await db.Items.SingleAsync(i => i.Slug == "mat-dau");
            db.Items.Remove(item);
            await db.SaveChangesAsync();
            return item.BlobKey;
        });
        var diedImport = $"scorm/{Guid.NewGuid():N}/1";
        await store.PutAsync(diedImport, new MemoryStream("<html></html>"u8.ToArray()), "text/html");
        clock.Advance(TimeSpan.FromHours(49));

        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<BlobSweeper>().SweepAsync(false, CancellationToken.None));

        var kept = await app.WithScopeAsync(async sp => (
            await sp.GetRequiredService<MediaDbContext>().Items.SingleAsync(),
            await sp.GetRequiredService<CoursesDbContext>().Set<ScormFile>().Select(f => f.BlobKey).ToListAsync()));
        Assert.Equal((1, 1), (report.Owners.Single(o => o.Prefix == "courses/media/").Orphans, report.Owners.Single(o => o.Prefix == "scorm/").Orphans));
        Assert.Null(await store.GetInfoAsync(lostItem));
        Assert.Null(await store.GetInfoAsync(diedImport));
        Assert.NotNull(await store.GetInfoAsync(kept.Item1.BlobKey));
        Assert.NotNull(await store.GetInfoAsync(kept.Item1.CaptionsBlobKey!));
        Assert.NotEmpty(kept.Item2);
        foreach (var key in kept.Item2) Assert.NotNull(await store.GetInfoAsync(key));
    }
}
