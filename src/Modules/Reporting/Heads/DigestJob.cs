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

    /// <summary>Local (UTC+7) hour of the daily check; the first check of an ISO week sends that week's digests.</summary>
    public int HourOfDay { get; set; } = 7;
}

/// <summary>Sending is idempotent per recipient and ISO week, so the first daily check of a week sends (normally Monday
/// morning) and the others, or a second node, send nothing.</summary>
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
        return await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(_clock.Today(), ct);
    }
}
