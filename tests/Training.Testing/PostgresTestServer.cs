using Npgsql;

namespace Training.Testing;

/// <summary>The PostgreSQL server that test.sh starts (a throwaway cluster on loopback), given by
/// <c>TRAINING_TEST_POSTGRES</c>. Each call creates a new empty database.</summary>
public static class PostgresTestServer
{
    public const string Variable = "TRAINING_TEST_POSTGRES";

    public static string CreateDatabase()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{Variable} is not set: PostgreSQL tests need the server that ./test.sh starts.");
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
