using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Cluster;
using Training.Platform.Time;

namespace Training.Organisation.Audiences;

/// <summary>Evaluates every audience once when the node takes the lease and then every night at 01:00 (Vietnam), on
/// one node of the cluster: "joined within N days" windows close with the calendar, and a roster change whose
/// listener call was lost is caught up.</summary>
internal sealed class AudienceDailyJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AudienceDailyJob> log) : ISingletonJob
{
    public string Name => "organisation.audiences.daily";

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<AudienceEvaluator>().EvaluateAsync(ct: ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Daily audience evaluation failed; it runs again at the next 01:00.");
            }
            await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, ct);
        }
    }

    /// <summary>Time from <paramref name="now"/> to the next 01:00 in Vietnam.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now) => VietnamClock.UntilNext(now, 1);
}
