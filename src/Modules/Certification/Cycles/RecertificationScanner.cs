using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Certificates;
using Training.Certification.Data;
using Training.Platform.Time;

namespace Training.Certification.Cycles;

/// <summary>Opens the next cycle for every holder whose recertification window has opened (the window starts
/// <c>RecertificationWindowDays</c> before expiry), due on the expiry day. Completions count from the window opening,
/// as they always have for early recertification. Certificates already expired are left alone: their holders lost
/// the certificate and start again through an ordinary assignment.</summary>
public sealed class RecertificationScanner(CertificationDbContext db, CycleOpener opener)
{
    /// <summary>Returns how many cycles were opened.</summary>
    public async Task<int> ScanAsync(DateOnly today, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.IsActive && p.ValidityMonths != null).ToListAsync(ct);
        var opened = 0;
        foreach (var programme in programmes)
        {
            var due = (await CycleHolders.OnAsync(db, programme.Id, today, ct))
                .Where(h => h.ExpiresOn is { } end && end.AddDays(-programme.RecertificationWindowDays) <= today)
                .Select(h => new CycleOpening(h, h.ExpiresOn!.Value,
                    VietnamClock.StartOf(h.ExpiresOn!.Value.AddDays(-programme.RecertificationWindowDays))))
                .ToList();
            opened += await opener.OpenAsync(programme, due, RecertificationReasons.Expiry, "system", ct);
        }
        return opened;
    }
}
