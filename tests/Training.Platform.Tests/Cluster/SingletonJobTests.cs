using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Training.Abstractions.Cluster;
using Training.Platform.Cluster;
using Training.Platform.Tests.Outbox;
using Training.Testing;

namespace Training.Platform.Tests.Cluster;

/// <summary>Records which nodes run the job at the same time.</summary>
public sealed class JobProbe
{
    public ConcurrentDictionary<string, int> Running { get; } = new();
    public int MaxAtOnce;
    public int Starts;
}

public sealed class ProbeJob(JobProbe probe, NodeIdentity node) : ISingletonJob
{
    public string Name => "probe";

    public async Task RunAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref probe.Starts);
        probe.Running[node.Id] = 1;
        var count = probe.Running.Count;
        InterlockedMax(ref probe.MaxAtOnce, count);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        finally
        {
            probe.Running.TryRemove(node.Id, out _);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}

public sealed class SingletonJobTests
{
    [Fact]
    public async Task AJobRunsOnOneNodeAndAnotherTakesOverWhenItsHolderStopsOrLosesItsConnection()
    {
        var database = ProbeDatabase.Create(TestDatabase.Postgres);
        var probe = new JobProbe();
        void Job(IServiceCollection s) => s.AddSingleton(probe).AddSingletonJob<ProbeJob>();
        await using var a = new ClusterNode(database, Job);
        await using var b = new ClusterNode(database, Job);
        await a.StartAsync();
        await b.StartAsync();

        await ClusterEventsTests.WaitUntilAsync(() => probe.Running.Count == 1);
        await Task.Delay(SingletonJobRunner.RetryInterval + TimeSpan.FromSeconds(2)); // both nodes have tried again
        Assert.Single(probe.Running);
        Assert.Equal(1, probe.Starts);

        // The holder's database session dies (as when its machine vanishes): the job stops there and starts again on one node.
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted", admin);
            await kill.ExecuteNonQueryAsync();
        }
        await ClusterEventsTests.WaitUntilAsync(() => probe.Starts == 2 && probe.Running.Count == 1, seconds: 60);
        var second = probe.Running.Keys.Single();

        // The holder stops cleanly: the other starts it within the retry interval.
        await (second == a.Id ? a : b).StopAsync();
        await ClusterEventsTests.WaitUntilAsync(() => probe.Running.ContainsKey(second == a.Id ? b.Id : a.Id), seconds: 40);
        Assert.Equal(1, probe.MaxAtOnce);
    }

    [Fact]
    public async Task OnSqliteTheJobRunsOnThisNode()
    {
        var probe = new JobProbe();
        await using var node = new ClusterNode(ProbeDatabase.Create(TestDatabase.Sqlite), s => s.AddSingleton(probe).AddSingletonJob<ProbeJob>());
        await node.StartAsync();
        await ClusterEventsTests.WaitUntilAsync(() => probe.Running.ContainsKey(node.Id));
        Assert.Contains("probe", node.Jobs.Running);
    }
}
