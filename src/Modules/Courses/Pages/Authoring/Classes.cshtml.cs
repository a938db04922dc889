using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Platform.Text;
using Training.Platform.Time;
using Training.Abstractions.Text;

namespace Training.Courses.Pages.Authoring;

/// <summary>In-person classes (lớp tập huấn) of a course: list and schedule.</summary>
public sealed class ClassesModel(AuthoringService authoring, CoursesDbContext db, TimeProvider clock) : EditorPage(authoring, db)
{
    public List<(TrainingClass Class, int Registered, int Attended)> Classes { get; private set; } = [];
    [BindProperty] public DateTime StartsAt { get; set; }
    [BindProperty] public string Place { get; set; } = "";
    [BindProperty] public int Capacity { get; set; } = 30;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        StartsAt = clock.Now().Date.AddDays(7).AddHours(8);
        await LoadClassesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var errors = new FieldErrors();
        var place = errors.Text("Địa điểm", Place, TextLimits.Name, required: true);
        errors.Range("Sức chứa", Capacity, 1, 1000);
        if (Course.Status != CourseStatus.Published) errors.Add("Cần xuất bản khóa học trước khi mở lớp.");
        Error = errors.Count > 0 ? string.Join(" ", errors) : null;
        if (Error is null)
        {
            Db.Classes.Add(new TrainingClass
            {
                Id = Guid.NewGuid(), CourseId = Course.Id, StartsAt = VietnamClock.At(StartsAt),
                Place = place, Capacity = Capacity, TrainerId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
                TrainerName = User.FindFirstValue("full_name") ?? User.Identity?.Name ?? "",
            });
            await Db.SaveChangesAsync(ct);
            return RedirectToPage();
        }
        await LoadClassesAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadClassesAsync(CancellationToken ct)
    {
        var classes = (await Db.Classes.AsNoTracking().Where(c => c.CourseId == Course.Id).ToListAsync(ct)).OrderByDescending(c => c.StartsAt).ToList();
        var ids = classes.Select(c => c.Id).ToList();
        var regs = await Db.Registrations.AsNoTracking().Where(r => ids.Contains(r.ClassId)).ToListAsync(ct);
        Classes = classes.Select(c => (c, regs.Count(r => r.ClassId == c.Id), regs.Count(r => r.ClassId == c.Id && r.Attended))).ToList();
    }
}
