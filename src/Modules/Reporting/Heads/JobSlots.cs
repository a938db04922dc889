using Microsoft.EntityFrameworkCore;
using Training.Reporting.Data;

namespace Training.Reporting.Heads;

/// <summary>Reads and records the last slot a job handled (<see cref="JobSlot"/>).</summary>
public sealed class JobSlots(ReportingDbContext db, TimeProvider clock)
{
    public async Task<DateTimeOffset?> LastAsync(string job, CancellationToken ct) =>
        (await db.JobSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Name == job, ct))?.Slot;

    public async Task RecordAsync(string job, DateTimeOffset slot, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var utc = slot.ToUniversalTime();
        // The job is a singleton (one node runs it), so a plain update-or-insert is enough.
        if (await db.JobSlots.Where(s => s.Name == job).ExecuteUpdateAsync(s => s.SetProperty(x => x.Slot, utc).SetProperty(x => x.UpdatedAt, now), ct) == 0)
        {
            db.JobSlots.Add(new JobSlot { Name = job, Slot = utc, UpdatedAt = now });
            await db.SaveChangesAsync(ct);
        }
    }
}
