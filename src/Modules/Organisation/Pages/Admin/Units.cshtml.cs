using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Organisation.Data;

namespace Training.Organisation.Pages.Admin;

[Authorize(Policy = Permissions.ManageUsers)]
public sealed class UnitsModel(OrganisationDbContext db) : PageModel
{
    public List<OrgUnit> Units { get; private set; } = [];
    public Dictionary<Guid, int> Counts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Path).ToListAsync();
        var direct = await db.Memberships.GroupBy(m => m.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        // Subtree totals: a unit's count includes its descendants (path prefix).
        Counts = Units.ToDictionary(u => u.Id, u => Units.Where(d => d.Path.StartsWith(u.Path, StringComparison.Ordinal)).Sum(d => direct.GetValueOrDefault(d.Id)));
        // Keep the tree in display order: parents before children, siblings by name.
        Units = Order(Units);
    }

    private static List<OrgUnit> Order(List<OrgUnit> units)
    {
        var children = units.ToLookup(u => u.ParentId);
        var result = new List<OrgUnit>();
        void Walk(Guid? parent)
        {
            foreach (var u in children[parent].OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)))
            {
                result.Add(u);
                Walk(u.Id);
            }
        }
        Walk(null);
        return result;
    }
}
