using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using Training.Platform.Data;

namespace Training.Platform.Cluster;

/// <summary>PostgreSQL session advisory locks, each on its own connection held for as long as the lock. The server
/// drops the lock when that connection ends: at once when the holder's process dies, and within about 25 s when its
/// machine stops answering (server-side TCP keepalives set on the session).</summary>
public sealed class PostgresClusterLocks(IOptions<DatabaseOptions> database) : IClusterLocks
{
    public async Task<IClusterLease> AcquireAsync(string name, CancellationToken ct) =>
        (await LockAsync(name, "pg_advisory_lock", ct))!;

    public Task<IClusterLease?> TryAcquireAsync(string name, CancellationToken ct) => LockAsync(name, "pg_try_advisory_lock", ct);

    /// <summary>The 64-bit advisory key of a lock name: the first 8 bytes of SHA-256("training:" + name).</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("training:" + name)), 0);

    private async Task<IClusterLease?> LockAsync(string name, string function, CancellationToken ct)
    {
        // Not pooled: the lock belongs to this physical connection and must not outlive it in a pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using (var keepalive = new NpgsqlCommand("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3", connection))
                await keepalive.ExecuteNonQueryAsync(ct);
            // Waiting for a lock another node holds (e.g. while it seeds) may take minutes: no command timeout, ct ends it.
            await using var command = new NpgsqlCommand($"SELECT {function}(@key)::text", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", KeyOf(name));
            var result = (string?)await command.ExecuteScalarAsync(ct);
            if (function == "pg_try_advisory_lock" && result != "true")
            {
                await connection.DisposeAsync();
                return null;
            }
            return new Lease(connection, KeyOf(name));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Lease(NpgsqlConnection connection, long key) : IClusterLease
    {
        public async Task<bool> IsHeldAsync(CancellationToken ct)
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and with it the lock.
            }
            await connection.DisposeAsync();
        }
    }
}
