using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Training.Reporting.Status;

/// <summary>One raw SQL statement on the context's connection and transaction, with parameters typed by the EF model's
/// mappings (so a Guid or a date compares with what EF stored: text on SQLite), and the few date functions that differ
/// between SQLite and PostgreSQL. Dates are compared as dates on PostgreSQL and as ISO text on SQLite. Hand-written: EF
/// Core's raw SQL cannot take the model's mappings for a list of parameters built with the text.</summary>
internal sealed class CoverSql(DbContext db)
{
    private readonly DbCommand _command = db.Database.GetDbConnection().CreateCommand();
    private readonly IRelationalTypeMappingSource _mappings = db.GetService<IRelationalTypeMappingSource>();

    public bool Postgres { get; } = db.Database.IsNpgsql();

    /// <summary>A parameter's name for <paramref name="value"/>.</summary>
    public string P(object value)
    {
        var name = $"@p{_command.Parameters.Count}";
        _command.Parameters.Add(_mappings.FindMapping(value.GetType())!.CreateParameter(_command, name, value, nullable: false));
        return name;
    }

    /// <summary>A comma-separated list of parameters.</summary>
    public string List<T>(IEnumerable<T> values) where T : notnull => string.Join(", ", values.Select(v => P(v)));

    /// <summary>The day before.</summary>
    public string PrevDay(string date) => Postgres ? $"({date} - 1)" : $"date({date}, '-1 day')";

    /// <summary>The last day of the date's month.</summary>
    public string MonthEnd(string date) => Postgres
        ? $"(date_trunc('month', {date}) + interval '1 month - 1 day')::date" : $"date({date}, 'start of month', '+1 month', '-1 day')";

    /// <summary>The last day of the month before the date's.</summary>
    public string PrevMonthEnd(string date) => Postgres ? $"(date_trunc('month', {date}) - interval '1 day')::date" : $"date({date}, 'start of month', '-1 day')";

    public string Least(string a, string b) => Postgres ? $"LEAST({a}, {b})" : $"MIN({a}, {b})";

    /// <summary>Runs the statement; the command is disposed after it (one statement per instance).</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = _command;
        await PrepareAsync(sql, ct);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs a query and hands each row to <paramref name="row"/>.</summary>
    public async Task ReadAsync(string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        await using var command = _command;
        await PrepareAsync(sql, ct);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private async Task PrepareAsync(string sql, CancellationToken ct)
    {
        _command.CommandText = sql;
        _command.CommandTimeout = 0;
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
    }
}
