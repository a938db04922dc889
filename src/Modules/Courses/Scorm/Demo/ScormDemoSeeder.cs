using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Hosting;
using Training.Courses.Data;
using Training.Courses.Scorm.Data;
using Training.Courses.Scorm.Import;
using Training.Courses.Services;

namespace Training.Courses.Scorm.Demo;

/// <summary>Gives the demo course KN-02 a SCORM lesson: the package in <c>Scorm/Demo/package</c> (written for this
/// project, its own licence) zipped at seed time and imported through the same importer as an upload, then published.
/// Idempotent: skipped once the course has a package.</summary>
internal sealed class ScormDemoSeeder : IDemoSeeder
{
    public const string CourseCode = "KN-02";

    public int Order => 21;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CoursesDbContext>();
        var course = await db.Courses.Include(c => c.Owners).Include(c => c.Sections).ThenInclude(s => s.Lessons).Include(c => c.Questions)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Code == CourseCode, ct);
        if (course is null || await db.Set<ScormPackage>().AnyAsync(p => p.CourseId == course.Id, ct)) return;
        course.Sections = course.Sections.OrderBy(s => s.Order).ToList();
        foreach (var s in course.Sections) s.Lessons = s.Lessons.OrderBy(l => l.Order).ToList();
        var owner = course.Owners.FirstOrDefault()?.UserId ?? "";
        using var zip = Package();
        await services.GetRequiredService<ScormImporter>().ImportAsync(course, course.Sections[0].Id, "tinh-huong-lua-dao.zip", zip, owner, ct);
        var published = await services.GetRequiredService<AuthoringService>().PublishAsync(course, owner, ct);
        if (published.Version is null) throw new InvalidOperationException($"{CourseCode}: " + string.Join("; ", published.Errors));
    }

    internal static MemoryStream Package()
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var assembly = typeof(ScormDemoSeeder).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("courses-scorm-demo/", StringComparison.Ordinal)))
            {
                using var source = assembly.GetManifestResourceStream(name)!;
                using var target = archive.CreateEntry(name["courses-scorm-demo/".Length..]).Open();
                source.CopyTo(target);
            }
        }
        buffer.Position = 0;
        return buffer;
    }
}
