using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Training.Reporting.Bench;

/// <summary>Bulk-inserts entities into a module's own table, driven by that module's EF model (table, column names,
/// value converters and parameter configuration), so the rows are stored exactly as the module writes them:
/// PostgreSQL through binary COPY, SQLite through one prepared INSERT per row inside one transaction.</summary>
internal static class BulkInsert
{
    public static async Task<int> RunAsync<T>(DbContext db, IEnumerable<T> rows) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(table) ?? throw new InvalidOperationException(p.Name), p.PropertyInfo!, p.GetRelationalTypeMapping(), p.IsNullable))
            .ToList();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            return connection is NpgsqlConnection npgsql
                ? await CopyAsync(npgsql, table.Name, columns, rows)
                : await InsertAsync(connection, table.Name, columns, rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Column(string Name, System.Reflection.PropertyInfo Property, RelationalTypeMapping Mapping, bool Nullable)
    {
        public object? ProviderValue(object row)
        {
            var value = Property.GetValue(row);
            if (value is null) return null;
            return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }

    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows) where T : class
    {
        var types = columns.Select(c => NpgsqlType(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType)).ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var count = 0;
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync();
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].ProviderValue(row);
                    if (value is null) await writer.WriteNullAsync();
                    else await writer.WriteAsync(value is DateTimeOffset d ? d.ToUniversalTime() : value, types[i]);
                }
                count++;
            }
            await writer.CompleteAsync();
        }
        return count;
    }

    private static NpgsqlDbType NpgsqlType(Type clr)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        return clr == typeof(Guid) ? NpgsqlDbType.Uuid
            : clr == typeof(string) ? NpgsqlDbType.Text
            : clr == typeof(int) ? NpgsqlDbType.Integer
            : clr == typeof(long) ? NpgsqlDbType.Bigint
            : clr == typeof(bool) ? NpgsqlDbType.Boolean
            : clr == typeof(decimal) ? NpgsqlDbType.Numeric
            : clr == typeof(DateOnly) ? NpgsqlDbType.Date
            : clr == typeof(DateTimeOffset) ? NpgsqlDbType.TimestampTz
            : throw new NotSupportedException($"No COPY type for {clr.Name}.");
    }

    private static async Task<int> InsertAsync<T>(DbConnection connection, string table, List<Column> columns, IEnumerable<T> rows) where T : class
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var count = 0;
        foreach (var row in rows)
        {
            // Parameters exactly as EF Core creates them for this column (type mapping, converter, provider type).
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
                command.Parameters.Add(columns[i].Mapping.CreateParameter(command, "$p" + i, columns[i].Property.GetValue(row), columns[i].Nullable));
            await command.ExecuteNonQueryAsync();
            count++;
        }
        await transaction.CommitAsync();
        return count;
    }
}
