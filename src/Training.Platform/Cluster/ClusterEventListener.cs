using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Training.Platform.Data;

namespace Training.Platform.Cluster;

/// <summary>Runs this node's subscribers and, on PostgreSQL, listens for the other nodes' messages on a dedicated
/// connection. After the connection is lost and restored, every subscriber is told it may have missed messages.</summary>
public sealed class ClusterEventListener(ClusterEventHub hub, NodeIdentity node, IOptions<DatabaseOptions> database, ILogger<ClusterEventListener> log)
    : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    /// <summary>Set once the listening connection is up (tests wait for it before publishing from another node).</summary>
    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatch = hub.RunAsync(stoppingToken);
        if (database.Value.Provider != DatabaseProvider.Postgres)
        {
            Listening.TrySetResult();
            return dispatch;
        }
        return Task.WhenAll(dispatch, ListenAsync(stoppingToken));
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var lost = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterMessage.PostgresChannel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                if (lost) hub.DeliverEverything();
                Listening.TrySetResult();
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                lost = true;
                log.LogWarning(ex, "Cluster event listener lost its connection; reconnecting");
                await Task.Delay(Retry, ct);
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<ClusterMessage>(payload);
            if (message is not null && message.Node != node.Id) hub.Deliver(message.Channel, message.Message);
        }
        catch (JsonException ex)
        {
            log.LogWarning(ex, "Ignored a malformed cluster message");
        }
    }
}
