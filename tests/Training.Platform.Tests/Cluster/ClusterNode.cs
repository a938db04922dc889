using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Training.Abstractions.Cluster;
using Training.Platform.Cluster;
using Training.Platform.Data;
using Training.Platform.Tests.Outbox;

namespace Training.Platform.Tests.Cluster;

/// <summary>A node with only the cluster services (locks, events, singleton jobs) on a shared database.</summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    public ClusterNode(ProbeDatabase database, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.Configure<DatabaseOptions>(o => (o.Provider, o.ConnectionString) = (database.Provider, database.ConnectionString));
        services.AddTrainingCluster();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;
    public string Id => _services.GetRequiredService<NodeIdentity>().Id;
    public IClusterEvents Events => _services.GetRequiredService<IClusterEvents>();
    public SingletonJobRunner Jobs => _services.GetRequiredService<SingletonJobRunner>();

    public async Task StartAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        await _services.GetRequiredService<ClusterEventListener>().Listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }
}
