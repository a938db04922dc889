using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Training.Courses.Data;
using Training.Courses.Pages.Authoring;
using Training.Courses.Scorm;
using Training.Courses.Scorm.Import;
using Training.Courses.Services;

namespace Training.Courses.Pages.Scorm;

/// <summary>Upload of a SCORM 1.2/2004 zip as a new lesson of the draft. The request may be as large as the ceiling;
/// the configured limit refuses earlier with a message naming the file.</summary>
[RequestSizeLimit(ScormLimits.UploadCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = ScormLimits.UploadCeiling)]
public sealed class ImportModel(AuthoringService authoring, CoursesDbContext db, ScormImporter importer) : EditorPage(authoring, db)
{
    [BindProperty] public Guid? SectionId { get; set; }
    public string? Error { get; private set; }
    public Lesson? Imported { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadCourseAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? package, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        if (package is null || package.Length == 0)
        {
            Error = "Hãy chọn tệp .zip của gói SCORM.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await using var stream = package.OpenReadStream();
            var imported = await importer.ImportAsync(Course, SectionId, package.FileName, stream, AuthoringService.UserId(User) ?? "", ct);
            Imported = Course.Sections.SelectMany(s => s.Lessons).First(l => l.Id == imported.LessonId);
            return Page();
        }
        catch (ScormPackageException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
