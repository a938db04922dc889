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
        var memberships = await db.Memberships.AsNoTracking().Select(m => new { m.UserId, m.UnitId }).ToListAsync();
        // Subtree totals: a unit counts the people with a post in it or below it, each once, however many posts
        // (kiêm nhiệm) they hold there, as the coverage dashboards count them (issue 10, item 13).
        var parentOf = Units.ToDictionary(u => u.Id, u => u.ParentId);
        var credited = new HashSet<Guid>();
        Counts = [];
        foreach (var person in memberships.GroupBy(m => m.UserId))
        {
            credited.Clear();
            foreach (var m in person)
            {
                Guid? unit = m.UnitId;
                while (unit is { } id && parentOf.TryGetValue(id, out var parent) && credited.Add(id)) unit = parent;
            }
            foreach (var id in credited) Counts[id] = Counts.GetValueOrDefault(id) + 1;
        }
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
