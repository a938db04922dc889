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

    /// <summary>Records <paramref name="slot"/> as handled unless it (or a later one) already is; true: this caller won the
    /// slot and runs it. Atomic even when two nodes ask at once: the update only applies to the value that was read,
    /// and of two first inserts the second hits the key.</summary>
    public async Task<bool> TryClaimAsync(string job, DateTimeOffset slot, CancellationToken ct)
    {
        var utc = slot.ToUniversalTime();
        var now = clock.GetUtcNow();
        var last = await LastAsync(job, ct);
        if (last is { } handled && handled >= utc) return false;
        if (last is { } previous)
            return await db.JobSlots.Where(s => s.Name == job && s.Slot == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Slot, utc).SetProperty(x => x.UpdatedAt, now), ct) == 1;
        db.JobSlots.Add(new JobSlot { Name = job, Slot = utc, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
