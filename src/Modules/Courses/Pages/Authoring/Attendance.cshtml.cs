using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
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
    public FieldErrors Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct) => await LoadAsync(classId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid classId, CancellationToken ct)
    {
        if (await LoadAsync(classId, ct) is { } refused) return refused;
        var marks = new Dictionary<string, (bool, decimal?)>(StringComparer.Ordinal);
        var errors = new FieldErrors();
        foreach (var r in Registrations)
        {
            var attended = Request.Form[$"a_{r.UserId}"] == "true";
            var raw = Request.Form[$"r_{r.UserId}"].ToString().Trim();
            decimal? result = null;
            if (raw.Length > 0)
            {
                if (raw.Length <= 10 && decimal.TryParse(raw.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 100) result = v;
                else errors.Add($"Kết quả của {r.FullName}: phải là số từ 0 đến 100.");
            }
            marks[r.UserId] = (attended, result);
        }
        if (errors.Count > 0)
        {
            // Nothing is saved; every mark that could be read is shown again as typed.
            foreach (var r in Registrations) (r.Attended, r.ResultPercent) = marks[r.UserId];
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var completed = await classes.RecordAsync(Class, marks, ct);
        Message = $"Đã lưu điểm danh. {completed} học viên hoàn thành khóa học.";
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
