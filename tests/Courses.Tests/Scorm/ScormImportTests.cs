using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Abstractions.Storage;
using Training.Courses.Data;
using Training.Courses.Scorm.Data;

namespace Training.Courses.Tests.Scorm;

public sealed partial class ScormImportTests
{
    private static async Task<(TrainingApp App, HttpClient Trainer, TestCourse Course)> ArrangeAsync(IDictionary<string, string?>? settings = null)
    {
        var app = new TrainingApp(settings: settings);
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var client = app.CreateBrowser();
        await client.SignInAsync("giangvien");
        return (app, client, course);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, TestCourse course, byte[] zip, string name = "goi.zip") =>
        client.PostMultipartAsync($"/authoring/{course.CourseId}/scorm", new Dictionary<string, string>(), [("package", name, "application/zip", zip)]);

    private static int BlobFiles(TrainingApp app) =>
        Directory.Exists(app.DataPath) ? Directory.EnumerateFiles(app.DataPath, "*", SearchOption.AllDirectories).Count(f => f.Contains("scorm", StringComparison.Ordinal)) : 0;

    [Theory]
    [InlineData(ScormPackages.Scorm12, 1)]
    [InlineData(ScormPackages.Scorm2004Third, 1)]
    [InlineData(ScormPackages.Scorm2004Fourth, 3)]
    public async Task TrainerImportsAPackageAsANewDraftLessonWithItsFiles(string edition, int scos)
    {
        var (app, trainer, course) = await ArrangeAsync();
        using var _ = app;

        var response = await UploadAsync(trainer, course, ScormPackages.Build(edition, scos));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã nhập gói thành bài học", await response.Content.ReadAsStringAsync());
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var package = await db.Set<ScormPackage>().Include(p => p.Items).SingleAsync();
            Assert.Equal(scos, package.Items.Count);
            Assert.Equal(scos + 2, await db.Set<ScormFile>().CountAsync());
            var lesson = await db.Lessons.SingleAsync(l => l.Id == package.LessonId);
            Assert.StartsWith($"@scorm {package.Id}", lesson.Markdown);
            Assert.Equal("Gói kiểm thử lừa đảo trực tuyến", lesson.Title);
        });
    }

    public static TheoryData<string, byte[], string> BadPackages => new()
    {
        { "traversal", ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest("1.2", 1)), ("sco1/index.html", "x"), ("../evil.html", "x")), "\"..\"" },
        { "absolute", ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest("1.2", 1)), ("sco1/index.html", "x"), ("/etc/evil.html", "x")), "đường dẫn tuyệt đối" },
        { "backslash", ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest("1.2", 1)), ("sco1\\index.html", "x")), "dấu \\" },
        { "no manifest", ScormPackages.Zip(("index.html", "x")), "không có tệp imsmanifest.xml" },
        { "outside", ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest("1.2", 1, href: "../../x.html")), ("shared/sco.js", "x")), "trỏ ra ngoài gói" },
        { "broken manifest", ScormPackages.Zip(("imsmanifest.xml", "<manifest><oops></manifest>")), "không phải XML hợp lệ" },
        { "not a zip", "Đây không phải zip"u8.ToArray(), "không phải tệp zip hợp lệ" },
        { "bomb", ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest("1.2", 1)), ("sco1/index.html", new string('a', 8 * 1024 * 1024))), "zip bomb" },
    };

    [Theory]
    [MemberData(nameof(BadPackages))]
    public async Task ABadPackageIsRefusedWithTheFileAndProblemNamedAndNothingIsStored(string name, byte[] zip, string problem)
    {
        var (app, trainer, course) = await ArrangeAsync();
        using var _ = app;

        var response = await UploadAsync(trainer, course, zip, $"{name}.zip");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Gói «{name}.zip»", html);
        Assert.Contains(problem, html);
        await AssertNothingStoredAsync(app);
    }

    [Fact]
    public async Task TooManyEntriesAndOversizeUploadsAreRefused()
    {
        var (app, trainer, course) = await ArrangeAsync(new Dictionary<string, string?> { ["Courses:Scorm:MaxEntries"] = "3", ["Courses:Scorm:MaxUploadBytes"] = "4000" });
        using var _ = app;

        var many = await UploadAsync(trainer, course, ScormPackages.Build(ScormPackages.Scorm12, 2));
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("vượt giới hạn 3", WebUtility.HtmlDecode(await many.Content.ReadAsStringAsync()));

        var big = await UploadAsync(trainer, course, ScormPackages.Build(ScormPackages.Scorm12, 1, ("big.bin", Guid.NewGuid().ToString() + new string('x', 1) + string.Concat(Enumerable.Range(0, 400).Select(i => Guid.NewGuid().ToString())))));
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("vượt giới hạn", WebUtility.HtmlDecode(await big.Content.ReadAsStringAsync()));
        await AssertNothingStoredAsync(app);
    }

    [Fact]
    public async Task SmallFilesStoredSideBySideAndALargeOneStreamedAllKeepTheirExactBytes()
    {
        // Entries up to 1 MiB are inflated into pooled buffers and stored several at a time; larger ones stream.
        var (app, trainer, course) = await ArrangeAsync();
        using var _ = app;
        var large = string.Concat(Enumerable.Range(0, 40_000).Select(i => Guid.NewGuid().ToString()));
        var exact = new string('m', 1024 * 1024);
        var zip = ScormPackages.Build(ScormPackages.Scorm2004Fourth, 3, ("media/large.txt", large), ("media/exact.txt", exact),
            ("media/a.txt", "a"), ("media/b.txt", "bb"), ("media/c.txt", ""));

        var response = await UploadAsync(trainer, course, zip);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        await app.WithScopeAsync(async sp =>
        {
            var stored = await sp.GetRequiredService<CoursesDbContext>().Set<ScormFile>().ToListAsync();
            Assert.Equal(archive.Entries.Count, stored.Count);
            foreach (var entry in archive.Entries)
            {
                var file = stored.Single(f => f.Path == entry.FullName);
                await using var blob = await sp.GetRequiredService<IBlobStore>().OpenReadAsync(file.BlobKey);
                using var expected = new MemoryStream();
                await using (var source = entry.Open()) await source.CopyToAsync(expected);
                using var actual = new MemoryStream();
                await blob!.Stream.CopyToAsync(actual);
                Assert.True(expected.ToArray().AsSpan().SequenceEqual(actual.ToArray()), $"{entry.FullName} differs");
                Assert.Equal(expected.Length, file.Length);
            }
        });
    }

    [Fact]
    public async Task AFileThatInflatesBeyondTheTotalLimitWhileStoringLeavesNoBlobBehind()
    {
        var (app, trainer, course) = await ArrangeAsync(new Dictionary<string, string?> { ["Courses:Scorm:MaxUncompressedBytes"] = "3000" });
        using var _ = app;

        var response = await UploadAsync(trainer, course, ScormPackages.Build(ScormPackages.Scorm12, 2));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("zip bomb", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await AssertNothingStoredAsync(app);
    }

    [Fact]
    public async Task LearnerCannotOpenTheImportPageAndAnotherTrainerIsForbidden()
    {
        var (app, _, course) = await ArrangeAsync();
        using var __ = app;
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        await app.CreateUserAsync("giangvien2", BuiltInRoles.Trainer);
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocvien");
        var other = app.CreateBrowser();
        await other.SignInAsync("giangvien2");

        var denied = await learner.GetAsync($"/authoring/{course.CourseId}/scorm");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);
        var refused = await other.GetAsync($"/authoring/{course.CourseId}/scorm");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString);
    }

    private static async Task AssertNothingStoredAsync(TrainingApp app)
    {
        Assert.Equal(0, BlobFiles(app));
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            Assert.Equal(0, await db.Set<ScormPackage>().CountAsync());
            Assert.Equal(0, await db.Set<ScormFile>().CountAsync());
            Assert.Equal(2, await db.Lessons.CountAsync());
        });
    }
}
