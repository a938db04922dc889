using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Platform.Time;

namespace Training.Certification.Pages.Holder;

/// <summary>"Chứng chỉ của tôi": the signed-in person's certificates, newest first, with downloads.</summary>
[Authorize(Policy = Permissions.ViewOwn)]
public sealed class IndexModel(CertificationDbContext db, TimeProvider clock) : PageModel
{
    public List<Certificate> Certificates { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>Every cycle of every programme, the open ones (no certificate yet) included.</summary>
    public List<Cycles.CycleLine> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Today = clock.Today();
        Certificates = (await db.Certificates.AsNoTracking().Where(c => c.UserId == id).ToListAsync(ct))
            .OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Revision).ToList();
        History = await Cycles.CycleHistory.OfAsync(db, id!, null, ct);
    }
}
