using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Training.Courses.Data;

/// <summary>Inserts many rows of one entity in the caller's transaction, skipping rows that collide with a unique
/// index (<c>ON CONFLICT DO NOTHING</c>), and returns how many were inserted. Columns, names and value conversions come
/// from the EF model, so the rows are stored exactly as EF stores them. PostgreSQL: one statement over arrays
/// (<c>INSERT … SELECT * FROM unnest(…)</c>); SQLite (in-process, no round trips): one prepared statement per row.
/// Written here because EF Core has no set-based insert and no served package does both providers.</summary>
internal static class BulkInsert
{
    public static async Task<int> InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside the caller's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p, table)).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        return command is NpgsqlCommand
            ? await UnnestAsync(command, table.Name, names, columns, rows, ct)
            : await PerRowAsync(command, table.Name, names, columns, rows, ct);
    }

    private static async Task<int> UnnestAsync<T>(DbCommand command, string table, string names, List<Column> columns, IReadOnlyList<T> rows,
        CancellationToken ct)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var values = Array.CreateInstance(columns[i].ArrayElementType, rows.Count);
            for (var r = 0; r < rows.Count; r++) values.SetValue(columns[i].ProviderValue(rows[r]!), r);
            command.Parameters.Add(new NpgsqlParameter($"p{i}", values));
        }
        var arrays = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING";
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> PerRowAsync<T>(DbCommand command, string table, string names, List<Column> columns, IReadOnlyList<T> rows,
        CancellationToken ct)
    {
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))}) ON CONFLICT DO NOTHING";
        await command.PrepareAsync(ct);
        var inserted = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].ProviderValue(row!) ?? DBNull.Value;
            inserted += await command.ExecuteNonQueryAsync(ct);
        }
        return inserted;
    }

    private sealed class Column(IProperty property, StoreObjectIdentifier table)
    {
        private readonly PropertyInfo _info = property.PropertyInfo ?? throw new InvalidOperationException(property.Name);

        public IProperty Property => property;
        public RelationalTypeMapping Mapping { get; } = property.GetRelationalTypeMapping();
        public string Name { get; } = property.GetColumnName(table) ?? throw new InvalidOperationException(property.Name);

        /// <summary>Element type of the PostgreSQL array: the provider type, nullable when the column is.</summary>
        public Type ArrayElementType
        {
            get
            {
                var type = Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
                type = Nullable.GetUnderlyingType(type) ?? type;
                return type.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(type) : type;
            }
        }

        public object? ProviderValue(object row)
        {
            var value = _info.GetValue(row);
            if (value is null) return null;
            if (Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            // Npgsql writes timestamptz from UTC values only.
            return value is DateTimeOffset d ? d.ToUniversalTime() : value;
        }
    }
}
