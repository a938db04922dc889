using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Pages.Authoring;

/// <summary>The attendance list of a class, taken by its trainer (or an editor of the course), with each result.</summary>
[Authorize(Policy = Permissions.RunClasses)]
public sealed class AttendanceModel(CoursesDbContext db, ClassService classes, CourseCatalog catalog) : PageModel
{
    public TrainingClass Class { get; private set; } = null!;
    public Course Course { get; private set; } = null!;
    public List<ClassRegistration> Registrations { get; private set; } = [];
    public int PassingPercent { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct) => await LoadAsync(classId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid classId, CancellationToken ct)
    {
        if (await LoadAsync(classId, ct) is { } refused) return refused;
        var marks = new Dictionary<string, (bool, decimal?)>(StringComparer.Ordinal);
        foreach (var r in Registrations)
        {
            var attended = Request.Form[$"a_{r.UserId}"] == "true";
            decimal? result = decimal.TryParse(Request.Form[$"r_{r.UserId}"], NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
            marks[r.UserId] = (attended, result);
        }
        var completed = await classes.RecordAsync(Class, marks, ct);
        Message = $"Đã lưu điểm danh. {completed} học viên hoàn thành khoá học.";
        await LoadAsync(classId, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid classId, CancellationToken ct)
    {
        var cls = await db.Classes.FirstOrDefaultAsync(c => c.Id == classId, ct);
        if (cls is null) return NotFound();
        var course = await db.Courses.Include(c => c.Owners).FirstAsync(c => c.Id == cls.CourseId, ct);
        if (cls.TrainerId != User.FindFirstValue(ClaimTypes.NameIdentifier) && !AuthoringService.CanEdit(course, User)) return Forbid();
        Class = cls;
        Course = course;
        Registrations = (await db.Registrations.Where(r => r.ClassId == classId).ToListAsync(ct)).OrderBy(r => r.FullName).ToList();
        PassingPercent = (await catalog.GetPublishedAsync(ct)).FirstOrDefault(c => c.CourseId == course.Id)?.PassingPercent ?? course.PassingPercent;
        return null;
    }
}
