using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Training.Testing;

/// <summary>The text of every command a module's context sends, to prove work is set-based (a number of statements that
/// does not grow with the rows). Register it on both provider contexts with <see cref="CommandLogServices.LogCommands{TSqlite, TPostgres}"/>.</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public void Clear() => _commands.Clear();

    /// <summary>How many commands since the last <see cref="Clear"/> contain every one of <paramref name="parts"/>.</summary>
    public int Count(params string[] parts) => _commands.Count(c => parts.All(p => c.Contains(p, StringComparison.Ordinal)));

    /// <summary>How many commands since the last <see cref="Clear"/> are reads (start with SELECT) naming <paramref name="table"/>
    /// (PostgreSQL leaves lower-case names unquoted, SQLite quotes them: the bare name matches both).</summary>
    public int Reads(string table) =>
        _commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && c.Contains(table, StringComparison.Ordinal));

    /// <summary>How many UPDATE statements of <paramref name="table"/> since the last <see cref="Clear"/>.</summary>
    public int Updates(string table) =>
        _commands.Count(c => c.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) && c.Contains(table, StringComparison.Ordinal));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

public static class CommandLogServices
{
    /// <summary>Sends the commands of a module's SQLite and PostgreSQL contexts (whichever the test runs on) to <paramref name="log"/>.</summary>
    public static IServiceCollection LogCommands<TSqlite, TPostgres>(this IServiceCollection services, CommandLog log)
        where TSqlite : DbContext where TPostgres : DbContext =>
        services.ConfigureDbContext<TSqlite>(b => b.AddInterceptors(log)).ConfigureDbContext<TPostgres>(b => b.AddInterceptors(log));
}
