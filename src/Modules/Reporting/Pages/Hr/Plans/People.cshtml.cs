using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Reporting.Coverage;
using Training.Reporting.Data;

namespace Training.Reporting.Pages.Hr.Plans;

/// <summary>Drill-down to the people of a unit: certified, expiring within 60 days, in progress, not started.</summary>
[Authorize(Policy = Permissions.ViewReports)]
public sealed class PeopleModel(ReportingQueries queries) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public PeopleFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public Plan Plan { get; private set; } = null!;
    public TargetReport Report { get; private set; } = null!;
    public List<PersonRow> Rows { get; private set; } = [];
    public Dictionary<PersonStatus, int> Counts { get; private set; } = [];
    public List<string> Categories { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await queries.ScopeAsync(User, ct);
        var found = await queries.TargetAsync(id, scope, ct);
        if (found is not { } f) return NotFound();
        Plan = f.Plan;
        Report = await queries.ReportAsync(f.Target, scope, Filter.Unit, Filter.AsOf ?? queries.Today, ct);
        if (Filter.Unit is not null && Report.Selected?.Unit.Id != Filter.Unit) return NotFound();
        if ((Error = Filter.Refused) is not null)
        {
            // Never echo the refused value back into the page.
            Filter.Q = Filter.Category = null;
            return Page();
        }
        var all = (await queries.PeopleAsync(Report, Filter.Direct, ct)).ToList();
        Counts = all.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        Categories = all.Select(r => r.Category).OfType<string>().Distinct().Order().ToList();
        var rows = Filter.Apply(all).ToList();
        Total = rows.Count;
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        P = Math.Clamp(P, 1, Pages);
        Rows = rows.Skip((P - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }
}
