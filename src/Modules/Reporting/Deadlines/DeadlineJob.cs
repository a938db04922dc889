using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Platform.Time;
using Training.Reporting.Heads;

namespace Training.Reporting.Deadlines;

/// <summary>Report deadline settings, bound from <c>Reporting:Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Reporting:Deadlines";

    public bool Enabled { get; set; } = true;

    public int HourOfDay { get; set; } = 7;
}

/// <summary>Every day, sends the yearly report of each plan whose deadline is within its lead days (once per plan, year
/// and recipient).</summary>
public sealed class DeadlineJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeadlineOptions> options, ILogger<DeadlineJob> log)
    : DailyJob(clock, log)
{
    private readonly TimeProvider _clock = clock;

    public override string Name => "reporting.report-deadlines";

    protected override bool Enabled => options.Value.Enabled;

    protected override int HourOfDay => options.Value.HourOfDay;

    public override async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineSender>().SendAsync(_clock.Today(), ct);
    }
}
