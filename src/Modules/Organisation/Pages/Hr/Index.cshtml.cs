using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Navigation;
using Training.Abstractions.Organisation;
using Training.Abstractions.Reports;
using Training.Organisation.Data;

namespace Training.Organisation.Pages.Hr;

[Authorize(Policy = Permissions.AccessHr)]
public sealed class HrIndexModel(IEnumerable<IMenuProvider> menus, IUserScope scopes, OrganisationDbContext db, IEnumerable<IReportDeadlines> deadlines)
    : PageModel
{
    /// <summary>The plans' coming report deadlines (from Reporting, when it is present), soonest first.</summary>
    public List<ComingReportDeadline> Deadlines { get; private set; } = [];

    public List<MenuItem> Items { get; private set; } = [];
    public string? ScopeName { get; private set; }

    public async Task OnGetAsync()
    {
        Items = menus.For(MenuArea.Hr, User);
        var scope = await scopes.GetScopeAsync(User);
        ScopeName = scope.All ? "Toàn bộ tổ chức"
            : scope.RootUnitId is { } root ? await db.Units.Where(u => u.Id == root).Select(u => u.Name).FirstOrDefaultAsync() : null;
        foreach (var source in deadlines) Deadlines.AddRange(await source.ComingAsync(User, HttpContext.RequestAborted));
        Deadlines.Sort((a, b) => a.Deadline.CompareTo(b.Deadline));
    }
}
