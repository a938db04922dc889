using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Training.Abstractions.Cluster;
using Training.Platform.Data;

namespace Training.Platform.Cluster;

/// <summary>Several nodes on PostgreSQL: a message is delivered to this node's subscribers at once and sent to the
/// others with <c>pg_notify</c>; <see cref="ClusterEventListener"/> receives theirs.</summary>
public sealed class PostgresClusterEvents(ClusterEventHub hub, NodeIdentity node, IOptions<DatabaseOptions> database) : IClusterEvents
{
    public async Task PublishAsync(string channel, string message, CancellationToken ct = default)
    {
        ClusterMessage.Check(channel, message);
        hub.Deliver(channel, message);
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", ClusterMessage.PostgresChannel);
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new ClusterMessage(node.Id, channel, message)));
        await command.ExecuteNonQueryAsync(ct);
    }

    public IDisposable Subscribe(string channel, Func<string, CancellationToken, Task> handler) => hub.Subscribe(channel, handler);
}
