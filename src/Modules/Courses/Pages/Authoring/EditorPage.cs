using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Pages.Authoring;

/// <summary>Base of the editor pages: loads the draft and refuses (403) courses the user does not own.</summary>
[Authorize(Policy = Permissions.Author)]
public abstract class EditorPage(AuthoringService authoring, CoursesDbContext db) : PageModel
{
    protected AuthoringService Authoring => authoring;
    protected CoursesDbContext Db => db;
    public Course Course { get; private set; } = null!;

    /// <summary>Null when loaded; otherwise the result to return (404 or 403).</summary>
    protected async Task<IActionResult?> LoadCourseAsync(Guid id, CancellationToken ct)
    {
        var course = await authoring.GetEditableAsync(id, User, ct);
        if (course is not null)
        {
            Course = course;
            return null;
        }
        return await db.Courses.AnyAsync(c => c.Id == id, ct) ? Forbid() : NotFound();
    }
}
