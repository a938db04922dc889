using System.Diagnostics;
using Npgsql;

namespace Training.Scale.Bench;

/// <summary>Fills one module table by binary COPY, once: a table whose load finished (recorded in bench_scale_loads)
/// and still has rows is skipped, so an interrupted generation resumes at the table it stopped in. Loading a table
/// truncates it, drops its secondary indexes (their definitions are kept in bench_scale_indexes first, so a crash
/// cannot lose them), copies the rows with foreign-key triggers off (the rows are consistent by construction),
/// then rebuilds the indexes by sorting instead of inserting 20,000,000 keys one at a time, and analyses the table.</summary>
internal sealed class TableLoad(NpgsqlDataSource db)
{
    public async Task PrepareAsync()
    {
        await using var cmd = db.CreateCommand("""
            CREATE TABLE IF NOT EXISTS bench_scale_loads (table_name text PRIMARY KEY, rows bigint NOT NULL, seconds double precision NOT NULL, finished_at timestamptz NOT NULL);
            CREATE TABLE IF NOT EXISTS bench_scale_indexes (table_name text NOT NULL, index_name text NOT NULL, definition text NOT NULL, PRIMARY KEY (table_name, index_name));
            """);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<bool> DoneAsync(string table)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT EXISTS (SELECT 1 FROM bench_scale_loads WHERE table_name = @t) AND EXISTS (SELECT 1 FROM "{table}")
            """);
        cmd.Parameters.AddWithValue("t", table);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task RunAsync(string table, string columns, Func<NpgsqlBinaryImporter, Task<long>> write)
    {
        if (await DoneAsync(table))
        {
            Console.WriteLine($"{table}: already loaded, skipped");
            return;
        }
        var clock = Stopwatch.StartNew();
        await using var connection = await db.OpenConnectionAsync();
        await Exec(connection, "SET session_replication_role = replica; SET maintenance_work_mem = '1GB'");
        await Exec(connection, $"""
            DELETE FROM bench_scale_loads WHERE table_name = '{table}';
            INSERT INTO bench_scale_indexes (table_name, index_name, definition)
            SELECT tablename, indexname, indexdef FROM pg_indexes i
            WHERE tablename = '{table}' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ON CONFLICT DO NOTHING;
            """);
        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand($"SELECT index_name, definition FROM bench_scale_indexes WHERE table_name = '{table}'", connection))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        await Exec(connection, $"TRUNCATE \"{table}\" CASCADE");
        foreach (var (name, _) in indexes) await Exec(connection, $"DROP INDEX IF EXISTS \"{name}\"");

        long rows;
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)"))
        {
            rows = await write(importer);
            await importer.CompleteAsync();
        }
        Console.WriteLine($"{table}: {rows:N0} rows copied in {clock.Elapsed.TotalSeconds:0} s; building {indexes.Count} indexes");
        foreach (var (name, definition) in indexes)
        {
            await Exec(connection, definition);
            Console.WriteLine($"{table}: index {name} built at {clock.Elapsed.TotalSeconds:0} s");
        }
        await Exec(connection, $"ANALYZE \"{table}\"");
        await using var done = new NpgsqlCommand(
            "INSERT INTO bench_scale_loads VALUES (@t, @r, @s, now()) ON CONFLICT (table_name) DO UPDATE SET rows = @r, seconds = @s, finished_at = now()", connection);
        done.Parameters.AddWithValue("t", table);
        done.Parameters.AddWithValue("r", rows);
        done.Parameters.AddWithValue("s", clock.Elapsed.TotalSeconds);
        await done.ExecuteNonQueryAsync();
        Console.WriteLine($"{table}: done in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Progress every million rows, so the log of a long run shows its rate.</summary>
    public static void Progress(string table, long rows, Stopwatch clock)
    {
        if (rows % 1_000_000 == 0) Console.WriteLine($"{table}: {rows:N0} rows at {clock.Elapsed.TotalSeconds:0} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s)");
    }
}
