using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Events;
using Training.Platform.Cluster;
using Training.Platform.Data;
using Training.Platform.Outbox;
using Training.Testing;

namespace Training.Platform.Tests.Outbox;

/// <summary>What the handlers did, shared by every node of a test.</summary>
public sealed class ProbeLog
{
    public ConcurrentQueue<(string Node, string Name)> Delivered { get; } = new();

    /// <summary>Names whose handler throws.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    /// <summary>Runs before each delivery on a node (e.g. to block it); by node id.</summary>
    public Func<string, string, CancellationToken, Task>? BeforeDelivery { get; set; }
}

public sealed class ProbeHandler(ProbeLog log, NodeIdentity node) : IDomainEventHandler<ProbeEvent>
{
    public async Task HandleAsync(ProbeEvent domainEvent, CancellationToken ct)
    {
        if (log.BeforeDelivery is { } before) await before(node.Id, domainEvent.Name, ct);
        if (log.Failing.ContainsKey(domainEvent.Name)) throw new InvalidOperationException("probe failure " + domainEvent.Name);
        log.Delivered.Enqueue((node.Id, domainEvent.Name));
    }
}

/// <summary>One "node": its own service container (node identity, dispatcher) on a shared database.</summary>
public sealed class ProbeNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public ProbeNode(ProbeDatabase database, TimeProvider clock, ProbeLog log, IDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton(clock);
        services.Configure<DatabaseOptions>(o => (o.Provider, o.ConnectionString) = (database.Provider, database.ConnectionString));
        services.AddTrainingDbContext<ProbeDbContext, ProbeSqliteDbContext, ProbePostgresDbContext>("Probe", 0);
        services.AddTrainingDbContext<OtherProbeDbContext, OtherProbeSqliteDbContext, OtherProbePostgresDbContext>("OtherProbe", 1);
        services.AddOutboxDispatcher<ProbeDbContext>();
        services.AddOutboxDispatcher<OtherProbeDbContext>();
        services.AddDomainEvent<ProbeEvent>();
        services.AddSingleton(log);
        services.AddScoped<IDomainEventHandler<ProbeEvent>, ProbeHandler>();
        _services = services.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;
    public string Id => _services.GetRequiredService<NodeIdentity>().Id;
    public OutboxDispatcher<ProbeDbContext> Dispatcher => _services.GetRequiredService<OutboxDispatcher<ProbeDbContext>>();

    public async Task CreateSchemaAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        foreach (var type in new[] { typeof(ProbeDbContext), typeof(OtherProbeDbContext) })
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            // EnsureCreated makes the first context's tables only when the database is empty; create each explicitly.
            var creator = (Microsoft.EntityFrameworkCore.Storage.RelationalDatabaseCreator)db.GetService<Microsoft.EntityFrameworkCore.Storage.IDatabaseCreator>();
            if (!await creator.ExistsAsync()) await creator.CreateAsync();
            await creator.CreateTablesAsync();
        }
    }

    public async Task EnqueueAsync(IEnumerable<ProbeEvent> events)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        foreach (var e in events) db.Enqueue(e);
        await db.SaveChangesAsync();
    }

    public async Task<List<OutboxMessage>> MessagesAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Outbox.AsNoTracking().ToListAsync();
    }

    public async Task StartAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}

/// <summary>An empty database for a test: a SQLite file in a temp folder, or a new database on the test PostgreSQL server.</summary>
public sealed record ProbeDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static ProbeDatabase Create(TestDatabase database) => database == TestDatabase.Postgres
        ? new(DatabaseProvider.Postgres, PostgresTestServer.CreateDatabase())
        : new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("probe-").FullName, "probe.db")};Pooling=False");
}
