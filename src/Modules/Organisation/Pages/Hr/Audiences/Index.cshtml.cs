using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Audiences;
using Training.Abstractions.Organisation;
using Training.Organisation.Audiences;
using Training.Organisation.Data;

namespace Training.Organisation.Pages.Hr.Audiences;

/// <summary>The audiences of the HR user's scope with each one's size and what its assignments became.</summary>
[Authorize(Policy = Permissions.ManageAudiences)]
public sealed class AudiencesIndexModel(OrganisationDbContext db, IUserScope scopes, IServiceProvider services) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }

    public sealed record Row(Audience Audience, int Size, AudienceProgress? Progress);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetScopeAsync(User, ct);
        // Audiences are few (tens per unit): the scope test runs here on their unit lists, the page is then cut.
        var all = (await db.Audiences.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(ct))
            .Where(a => AudienceDirectory.InScope(a, scope)).ToList();
        Total = all.Count;
        Pages = (Total + PageSize - 1) / PageSize;
        P = Math.Clamp(P, 1, Math.Max(1, Pages));
        var page = all.Skip((P - 1) * PageSize).Take(PageSize).ToList();
        var ids = page.Select(a => a.Id).ToList();
        var sizes = await db.AudienceMembers.AsNoTracking().Where(m => m.LeftOn == null && ids.Contains(m.AudienceId)).GroupBy(m => m.AudienceId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var progress = services.GetService<IAudienceProgress>() is { } p ? await p.GetProgressAsync(ids, ct) : new Dictionary<Guid, AudienceProgress>();
        Rows = page.Select(a => new Row(a, sizes.GetValueOrDefault(a.Id), progress.GetValueOrDefault(a.Id))).ToList();
    }
}
