using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Cluster;
using Training.Platform.Time;

namespace Training.Reporting.Heads;

/// <summary>Digest settings, bound from <c>Reporting:Digest</c>.</summary>
public sealed class DigestOptions
{
    public const string Section = "Reporting:Digest";

    public bool Enabled { get; set; } = true;

    /// <summary>Local (UTC+7) hour of the daily check; the first check of an ISO week sends that week's digests.</summary>
    public int HourOfDay { get; set; } = 7;
}

/// <summary>Checks at start and every day at the configured hour; sending is idempotent per recipient and ISO week, so
/// the first check of a week sends (normally Monday morning) and the others, or a second node, send nothing.</summary>
public sealed class DigestJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestJob> log)
    : ISingletonJob
{
    public string Name => "reporting.weekly-digest";

    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled) return;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var sent = await RunOnceAsync(ct);
                if (sent > 0) log.LogInformation("Weekly digests sent: {Count}", sent);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Weekly digest failed; next attempt at the next scheduled time");
            }
            try
            {
                await Task.Delay(UntilNextRun(), clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One check: this week's digests not yet sent are sent now.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(clock.Today(), ct);
    }

    private TimeSpan UntilNextRun()
    {
        var now = clock.Now();
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, options.Value.HourOfDay, 0, 0, now.Offset);
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }
}
