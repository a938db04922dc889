using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;

namespace Training.Reporting.Status;

/// <summary><c>rebuild-reporting-status</c>: rebuilds the dashboard's status tables from the roster and the certificates
/// (after a restore, or when events were lost).</summary>
internal sealed class RebuildStatusVerb : ICliVerb
{
    public string Name => "rebuild-reporting-status";
    public string Usage => "rebuild-reporting-status   rebuild the dashboards' per-person status from the roster and the certificates";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        using var scope = context.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<PersonStatusBackfill>().RebuildAsync(ct);
        await context.Out.WriteLineAsync($"reporting status rebuilt: {rows} person-programme rows");
        return 0;
    }
}
