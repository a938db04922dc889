using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Training.Organisation.Roster;

/// <summary>A temporary table shaped like (some columns of) an entity's table, filled with multi-row INSERTs whose
/// parameters EF Core's own type mappings create, so values are stored exactly as EF would store them (GUIDs as text
/// on SQLite, timestamps with time zone on PostgreSQL). Temporary tables belong to the connection: on SQLite they
/// live outside the main database file, so filling them takes no lock that other writers wait for.
/// SQLite fills them with one prepared INSERT, PostgreSQL with binary COPY, other providers with multi-row INSERTs.
/// Written by hand: linq2db.EntityFrameworkCore offers bulk copy, but bringing a second data-access library into the
/// module for seven staging tables costs more than these lines.</summary>
internal sealed class StagingTable
{
    // Statements with thousands of named parameters are slow to bind (SQLite looks each name up linearly);
    // on PostgreSQL a few hundred rows per statement keep round trips few and binding cheap.
    private const int MaxParameters = 2_000;

    private readonly DbContext _db;
    private readonly IReadOnlyList<(string Column, string StoreType, RelationalTypeMapping Mapping, Func<object, object?> Get)> _columns;

    private readonly IReadOnlyList<string> _key;

    private StagingTable(DbContext db, string name, string target, IReadOnlyList<(string, string, RelationalTypeMapping, Func<object, object?>)> columns,
        IReadOnlyList<string> key)
    {
        _db = db;
        Name = name;
        Target = target;
        _columns = columns;
        _key = key;
    }

    /// <summary>The temporary table's name.</summary>
    public string Name { get; }

    /// <summary>The entity's table.</summary>
    public string Target { get; }

    public IEnumerable<string> Columns => _columns.Select(c => c.Column);

    /// <summary>A staging table for <typeparamref name="T"/>: all its mapped columns, or the named properties only.</summary>
    public static StagingTable For<T>(DbContext db, string name, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => properties.Length == 0 || properties.Contains(p.Name))
            .Select(p =>
            {
                var info = p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} has no CLR property.");
                return (p.GetColumnName(table)!, p.GetColumnType(table), (RelationalTypeMapping)p.GetRelationalTypeMapping(), (Func<object, object?>)info.GetValue);
            }).ToList();
        // The entity's primary key, when staged, keys the staging table too: the joins of the write are then index
        // lookups (without it SQLite nests two full scans, quadratic in the rows).
        var key = entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(table)!).ToList();
        return new StagingTable(db, name, table.Name, columns, key.All(k => columns.Any(c => c.Item1 == k)) ? key : []);
    }

    /// <summary>A staging table of plain values (no entity behind it): each column's type mapping is the provider's
    /// own for its CLR type, so the same fill paths (prepared INSERT, binary COPY) serve it.</summary>
    public static StagingTable Of<T>(DbContext db, string name, string key, params (string Column, Type Type, Func<T, object?> Get)[] columns)
    {
        var source = db.GetService<IRelationalTypeMappingSource>();
        var mapped = columns.Select(c =>
        {
            var mapping = source.FindMapping(c.Type) ?? throw new InvalidOperationException($"{name}.{c.Column}: no mapping for {c.Type.Name}.");
            return (c.Column, mapping.StoreType, mapping, (Func<object, object?>)(o => c.Get((T)o)));
        }).ToList();
        return new StagingTable(db, name, name, mapped, [key]);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>The quoted column list, optionally prefixed with a table alias.</summary>
    public string ColumnList(string? alias = null) => string.Join(", ", Columns.Select(c => (alias is null ? "" : alias + ".") + Quote(c)));

    public async Task CreateAsync(CancellationToken ct)
    {
        await ExecuteAsync($"DROP TABLE IF EXISTS {Quote(Name)}", ct);
        var key = _key.Count == 0 ? "" : $", PRIMARY KEY ({string.Join(", ", _key.Select(Quote))})";
        await ExecuteAsync($"CREATE TEMPORARY TABLE {Quote(Name)} ({string.Join(", ", _columns.Select(c => Quote(c.Column) + " " + c.StoreType))}{key})", ct);
    }

    public Task DropAsync(CancellationToken ct) => ExecuteAsync($"DROP TABLE IF EXISTS {Quote(Name)}", ct);

    public async Task FillAsync<T>(IReadOnlyList<T> items, CancellationToken ct) where T : notnull
    {
        if (items.Count == 0) return;
        if (_db.Database.IsSqlite())
        {
            await FillOneByOneAsync(items, ct);
            return;
        }
        if (_db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, items, ct);
            return;
        }
        var perStatement = Math.Max(1, MaxParameters / _columns.Count);
        for (var start = 0; start < items.Count; start += perStatement)
        {
            await using var command = _db.Database.GetDbConnection().CreateCommand();
            command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = new StringBuilder($"INSERT INTO {Quote(Name)} ({ColumnList()}) VALUES ");
            var end = Math.Min(items.Count, start + perStatement);
            for (var i = start; i < end; i++)
            {
                sql.Append(i == start ? "(" : ", (");
                for (var c = 0; c < _columns.Count; c++)
                {
                    var name = $"@p{(i - start) * _columns.Count + c}";
                    if (c > 0) sql.Append(", ");
                    sql.Append(name);
                    var (_, _, mapping, get) = _columns[c];
                    command.Parameters.Add(mapping.CreateParameter(command, name, get(items[i]), nullable: true));
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>SQLite: one prepared single-row INSERT run for every row inside a deferred transaction, which touches
    /// only the connection's temporary database and so takes no lock on the main one.</summary>
    private async Task FillOneByOneAsync<T>(IReadOnlyList<T> items, CancellationToken ct) where T : notnull
    {
        var connection = (SqliteConnection)_db.Database.GetDbConnection();
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(Name)} ({ColumnList()}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))})";
        var parameters = _columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", c.Get(items[0]), nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        foreach (var item in items)
        {
            for (var c = 0; c < _columns.Count; c++)
            {
                var value = _columns[c].Get(item);
                parameters[c].Value = (_columns[c].Mapping.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>PostgreSQL: binary COPY, the server's own bulk path. Every staged column holds text, a UUID, a boolean,
    /// an integer, a date or a UTC timestamp; the binary format of text is also that of character varying.</summary>
    private async Task CopyAsync<T>(NpgsqlConnection connection, IReadOnlyList<T> items, CancellationToken ct) where T : notnull
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Quote(Name)} ({ColumnList()}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var item in items)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in _columns)
            {
                var value = column.Get(item);
                if (value is not null && column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                switch (value)
                {
                    case null: await writer.WriteNullAsync(ct); break;
                    case string s: await writer.WriteAsync(s, NpgsqlDbType.Text, ct); break;
                    case Guid g: await writer.WriteAsync(g, NpgsqlDbType.Uuid, ct); break;
                    case bool b: await writer.WriteAsync(b, NpgsqlDbType.Boolean, ct); break;
                    case int i: await writer.WriteAsync(i, NpgsqlDbType.Integer, ct); break;
                    case DateTimeOffset d: await writer.WriteAsync(d.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct); break;
                    case DateOnly d: await writer.WriteAsync(d, NpgsqlDbType.Date, ct); break;
                    default: throw new NotSupportedException($"{Name}.{column.Column}: no COPY format for {value.GetType().Name}.");
                }
            }
        }
        await writer.CompleteAsync(ct);
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> ScalarAsync(DbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }
}
