using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Scorm.Data;

namespace Training.Courses.Tests.Scorm;

public sealed class ScormCliAndDemoTests
{
    private static async Task<(int Code, string Out, string Error)> RunAsync(TrainingApp app, params string[] args)
    {
        var verb = app.Services.GetServices<ICliVerb>().Single(v => v.Name == "import-scorm");
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await verb.RunAsync(new CliContext(args, app.Services, output, errors), CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task ImportScormVerbImportsAPackageIntoTheNamedCourse()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id, "CLI-01");
        var file = Path.Combine(app.DataPath, "goi.zip");
        await File.WriteAllBytesAsync(file, ScormPackages.Build(ScormPackages.Scorm12, 2));

        var (code, output, error) = await RunAsync(app, file, "--course", "cli-01");

        Assert.True(code == 0, error);
        Assert.Contains("2 mục", output);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var package = await db.Set<ScormPackage>().SingleAsync();
            Assert.Equal(course.CourseId, package.CourseId);
            Assert.Equal(3, await db.Lessons.CountAsync(l => l.CourseId == course.CourseId));
        });
    }

    [Fact]
    public async Task ImportScormVerbRefusesABadPackageOrUnknownCourseWithAMessage()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.CreatePublishedCourseAsync(trainer.Id, "CLI-01");
        var file = Path.Combine(app.DataPath, "hong.zip");
        await File.WriteAllBytesAsync(file, ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest("1.2", 1, href: "../x.html"))));

        var bad = await RunAsync(app, file, "--course", "CLI-01");
        Assert.Equal(1, bad.Code);
        Assert.Contains("Gói «hong.zip»: tệp imsmanifest.xml", bad.Error);
        Assert.Contains("trỏ ra ngoài gói", bad.Error);

        var unknown = await RunAsync(app, file, "--course", "KHONG-CO");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("Không có khóa học mã KHONG-CO", unknown.Error);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Set<ScormPackage>().CountAsync()));
    }

    [Fact]
    public async Task TheDemoCourseHasAPublishedScormLesson()
    {
        using var app = new TrainingApp(seedDemo: true);
        var client = app.CreateBrowser();

        var (code, lessonId) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var course = await db.Courses.SingleAsync(c => c.Code == "KN-02");
            var lesson = await db.VersionLessons.SingleAsync(l => l.VersionId == course.PublishedVersionId && l.Markdown.StartsWith("@scorm"));
            return (course.Code, lesson.Id);
        });
        var page = await client.GetAsync($"/courses/{code}/lessons/{lessonId}");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Tình huống tương tác: nhận diện tin nhắn lừa đảo", await page.Content.ReadAsStringAsync());
    }
}
