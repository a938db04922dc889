using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;

namespace Training.Certification.Pages.Admin;

[Authorize(Policy = Permissions.ManageProgrammes)]
public sealed class ProgrammesModel(CertificationDbContext db) : PageModel
{
    public List<Programme> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
}
