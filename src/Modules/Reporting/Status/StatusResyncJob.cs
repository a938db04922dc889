using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Platform.Time;
using Training.Reporting.Data;
using Training.Reporting.Heads;

namespace Training.Reporting.Status;

/// <summary>Daily status re-sync settings, bound from <c>Reporting:StatusResync</c>.</summary>
public sealed class StatusResyncOptions
{
    public const string Section = "Reporting:StatusResync";

    public bool Enabled { get; set; } = true;

    /// <summary>Local (UTC+7) hour of the daily run: at night, when nobody imports.</summary>
    public int HourOfDay { get; set; } = 2;
}

/// <summary>Once a day (one node: a singleton job), re-checks every person's status rows against the roster and the
/// certificates (<see cref="StatusWalk.RefreshEveryoneAsync"/>) and corrects any drift that events did not bring: a
/// message given up after repeated failures, a direct database fix, a restore. Each daily slot is claimed in
/// <c>rpt_job_slots</c> before the run, so a second node or a restart on the same day runs nothing; a slot missed while
/// the site was down is caught up at the next start. Each run is recorded (<see cref="ResyncRun"/>) and shown on the HR
/// plans page.</summary>
public sealed class StatusResyncJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<StatusResyncOptions> options, ILogger<StatusResyncJob> log)
    : DailyJob(clock, log)
{
    private readonly TimeProvider _clock = clock;

    public override string Name => "reporting.status-resync";

    protected override bool Enabled => options.Value.Enabled;

    protected override int HourOfDay => options.Value.HourOfDay;

    /// <summary>Sends nothing: the run is logged and recorded by <see cref="RunDueAsync"/>.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await RunDueAsync(ct);
        return 0;
    }

    /// <summary>Runs the re-sync if today's slot has come and was not handled yet; returns the run, or null.</summary>
    public async Task<ResyncRun?> RunDueAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var slot = DailySlot(_clock.Now(), options.Value.HourOfDay);
        if (!await scope.ServiceProvider.GetRequiredService<JobSlots>().TryClaimAsync(Name, slot, ct)) return null;

        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var run = new ResyncRun { Slot = slot.ToUniversalTime(), StartedAt = _clock.GetUtcNow() };
        db.ResyncRuns.Add(run);
        await db.SaveChangesAsync(ct);
        // The cover tables first: a changed unit tree rebuilds them (and the depths of people with several posts), so the
        // walk that follows compares rows with the depths of the current tree and keeps the totals current.
        string cover;
        using (var own = scopes.CreateScope()) cover = await own.ServiceProvider.GetRequiredService<CoverBuilder>().EnsureAsync(ct);
        log.LogInformation("Reporting status re-sync: {Cover}", cover);
        var totals = await scope.ServiceProvider.GetRequiredService<StatusWalk>().RefreshEveryoneAsync(ct);
        if (totals.Corrected > 0)
        {
            // Drift written around the refresher (a direct fix, a restore) was never in the totals the refresher moves.
            using var own = scopes.CreateScope();
            await own.ServiceProvider.GetRequiredService<CoverBuilder>().RebuildAsync(ct);
        }
        (run.FinishedAt, run.PeopleChecked, run.RowsCorrected) = (_clock.GetUtcNow(), totals.People, totals.Corrected);
        await db.SaveChangesAsync(ct);

        if (totals.Corrected > 0)
            log.LogWarning("Reporting status re-sync corrected {Rows} rows of {People} people checked: events did not bring this drift", totals.Corrected, totals.People);
        else
            log.LogInformation("Reporting status re-sync checked {People} people: no drift", totals.People);
        return run;
    }

    /// <summary>The latest daily slot at or before <paramref name="now"/> (local time).</summary>
    public static DateTimeOffset DailySlot(DateTimeOffset now, int hourOfDay)
    {
        var slot = new DateTimeOffset(now.Year, now.Month, now.Day, Math.Clamp(hourOfDay, 0, 23), 0, 0, now.Offset);
        return slot > now ? slot.AddDays(-1) : slot;
    }
}

/// <summary>The latest re-sync run, for the HR plans page.</summary>
public sealed class ResyncRuns(ReportingDbContext db)
{
    public Task<ResyncRun?> LatestAsync(CancellationToken ct) => db.ResyncRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
}
