using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Courses.Data;

namespace Training.Courses.Scorm.Import;

/// <summary><c>import-scorm file.zip --course CODE [--section "Tên phần"]</c>: the same import as the page, for
/// bringing many packages in from a script. The new lesson is in the draft; publishing stays a trainer's decision.</summary>
internal sealed class ImportScormVerb : ICliVerb
{
    public string Name => "import-scorm";
    public string Usage => "import-scorm <goi.zip> --course <MÃ> [--section \"Tên phần\"]   nhập gói SCORM 1.2/2004 thành bài học của bản nháp";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var files = context.Positional("--course", "--section");
        var code = context.Option("--course")?.Trim().ToUpperInvariant();
        if (files.Count != 1 || string.IsNullOrEmpty(code))
        {
            await context.Error.WriteLineAsync("Cách dùng: " + Usage);
            return 2;
        }
        if (!File.Exists(files[0]))
        {
            await context.Error.WriteLineAsync($"Không tìm thấy tệp {files[0]}.");
            return 2;
        }
        using var scope = context.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        var course = await db.Courses.Include(c => c.Sections).ThenInclude(s => s.Lessons).AsSplitQuery().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (course is null)
        {
            await context.Error.WriteLineAsync($"Không có khóa học mã {code}.");
            return 2;
        }
        course.Sections = course.Sections.OrderBy(s => s.Order).ToList();
        foreach (var s in course.Sections) s.Lessons = s.Lessons.OrderBy(l => l.Order).ToList();
        var sectionTitle = context.Option("--section");
        var section = sectionTitle is null ? null : course.Sections.FirstOrDefault(s => s.Title == sectionTitle);
        if (sectionTitle is not null && section is null)
        {
            await context.Error.WriteLineAsync($"Khóa học {code} không có phần \"{sectionTitle}\".");
            return 2;
        }
        await using var zip = File.OpenRead(files[0]);
        try
        {
            var package = await scope.ServiceProvider.GetRequiredService<ScormImporter>().ImportAsync(course, section?.Id, files[0], zip, "", ct);
            await context.Out.WriteLineAsync($"Đã nhập gói \"{package.Title}\" ({package.Items.Count} mục, {package.FileCount} tệp) thành bài học của {code}. Hãy xuất bản khóa học để học viên thấy bài mới.");
            return 0;
        }
        catch (ScormPackageException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
