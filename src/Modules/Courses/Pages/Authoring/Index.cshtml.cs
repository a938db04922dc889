using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Pages.Authoring;

/// <summary>The trainer's courses (all courses for administrators) and a form to create one.</summary>
[Authorize(Policy = Permissions.Author)]
public sealed class IndexModel(AuthoringService authoring, CitationFlags flags) : PageModel
{
    public static readonly string[] Categories = ["Khung pháp lý", "Kỹ năng phát hiện", "Quy tắc ứng xử"];

    public List<Course> Courses { get; private set; } = [];
    /// <summary>Lessons of these courses citing law that is replaced, expired, or will be within 180 days.</summary>
    public List<FlaggedLesson> Flagged { get; private set; } = [];
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Category { get; set; } = Categories[0];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Courses = await authoring.ListAsync(User, ct);
        Flagged = await flags.ForCoursesAsync(Courses.Select(c => c.Id).ToList(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (course, error) = await authoring.CreateAsync(AuthoringService.UserId(User)!, Code, Title, Category, ct);
        if (course is not null) return Redirect($"/authoring/{course.Id}");
        Error = error;
        Courses = await authoring.ListAsync(User, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
