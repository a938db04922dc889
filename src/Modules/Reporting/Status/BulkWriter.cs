using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Training.Reporting.Status;

/// <summary>Inserts many rows of a mapped entity inside the caller's transaction, bypassing change tracking (hundreds of
/// thousands of rows in seconds): binary COPY on PostgreSQL, one prepared INSERT per row on SQLite. Columns and value
/// conversions come from the EF model, so the rows read back exactly as EF wrote them. Hand-written: EF Core has no
/// bulk insert and no served package does both providers with the model's converters.</summary>
internal static class BulkWriter
{
    public static async Task InsertAsync<T>(DbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Name: p.GetColumnName(table)!, Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection is NpgsqlConnection npgsql)
        {
            await using var writer = await npgsql.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                foreach (var c in columns) await WriteAsync(writer, Value(c.Property, c.Mapping, row), ct);
            }
            await writer.CompleteAsync(ct);
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({list}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        if (connection is SqliteConnection) command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = Value(columns[i].Property, columns[i].Mapping, row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static object? Value(IProperty property, RelationalTypeMapping mapping, object row)
    {
        var value = property.PropertyInfo!.GetValue(row);
        return value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, CancellationToken ct) => value switch
    {
        null => writer.WriteNullAsync(ct),
        string s => writer.WriteAsync(s, NpgsqlDbType.Text, ct),
        Guid g => writer.WriteAsync(g, NpgsqlDbType.Uuid, ct),
        int i => writer.WriteAsync(i, NpgsqlDbType.Integer, ct),
        bool b => writer.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        DateTimeOffset d => writer.WriteAsync(d.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct),
        DateOnly d => writer.WriteAsync(d, NpgsqlDbType.Date, ct),
        _ => throw new NotSupportedException($"No COPY format for {value.GetType().Name}."),
    };
}
