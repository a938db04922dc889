using Microsoft.Extensions.Options;
using Training.Abstractions.Hosting;

namespace Training.Site.Hosting;

/// <summary>Migrates, runs start-up tasks and seeds before the site serves requests. A hosted service (registered
/// before every module's) rather than code in Program, so the test host runs it too.</summary>
internal sealed class StartupHostedService(IServiceProvider services, IOptions<TrainingOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<StartupRunner>();
        await using var exclusive = await runner.ExclusiveAsync(cancellationToken);
        await runner.MigrateAsync(cancellationToken);
        await runner.RunStartupTasksAsync(cancellationToken);
        if (options.Value.SeedDemo) await runner.SeedDemoAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
