using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Platform.Time;

namespace Training.Reporting.Heads;

/// <summary>Digest settings, bound from <c>Reporting:Digest</c>.</summary>
public sealed class DigestOptions
{
    public const string Section = "Reporting:Digest";

    public bool Enabled { get; set; } = true;

    /// <summary>The weekly slot: this day at <see cref="HourOfDay"/> (local, UTC+7).</summary>
    public DayOfWeek DayOfWeek { get; set; } = DayOfWeek.Monday;

    /// <summary>Local (UTC+7) hour of the daily check and of the weekly slot.</summary>
    public int HourOfDay { get; set; } = 7;
}

/// <summary>Sends the week's digests when the weekly slot (Monday 07:00 by default) comes due. The last slot handled is
/// recorded (<see cref="JobSlots"/>): a slot that passed while the site was down is caught up at the next start, but the
/// first run of a new site only records the slot that already passed, so a fresh start mails nobody. Sending is also
/// idempotent per recipient and ISO week (a second node or a crash between sending and recording sends nothing more).</summary>
public sealed class DigestJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestJob> log)
    : DailyJob(clock, log)
{
    private readonly TimeProvider _clock = clock;

    public override string Name => "reporting.weekly-digest";

    protected override bool Enabled => options.Value.Enabled;

    protected override int HourOfDay => options.Value.HourOfDay;

    public override async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var slots = scope.ServiceProvider.GetRequiredService<JobSlots>();
        var slot = WeeklySlot.LastAtOrBefore(_clock.Now(), options.Value.DayOfWeek, options.Value.HourOfDay);
        var last = await slots.LastAsync(Name, ct);
        if (last is { } handled && handled >= slot) return 0;
        var sent = last is null ? 0 : await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(_clock.Today(), ct);
        await slots.RecordAsync(Name, slot, ct);
        return sent;
    }
}
