using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Training.Platform.Outbox;

/// <summary>The outbox table of one context as the SQL of <see cref="OutboxStore"/> needs it: quoted names from the
/// model, and instants converted the way the model stores them (SQLite stores DateTimeOffset as text in most modules
/// and as a number where a module converts it; text compares correctly because every stored instant is UTC).</summary>
internal sealed class OutboxTable
{
    // One per provider-specific context type: its model, hence its names and conversions, never change.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, OutboxTable> Tables = new();

    private readonly IProperty _nextAttemptAt;
    private readonly IProperty _processedAt;

    private OutboxTable(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage)) ?? throw new InvalidOperationException($"{db.GetType().Name} maps no outbox.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        Name = sql.DelimitIdentifier(table.Name, table.Schema);
        Id = Column(nameof(OutboxMessage.Id));
        ProcessedAt = Column(nameof(OutboxMessage.ProcessedAt));
        NextAttemptAt = Column(nameof(OutboxMessage.NextAttemptAt));
        ClaimedBy = Column(nameof(OutboxMessage.ClaimedBy));
        SelectDue = $"SELECT * FROM {Name} WHERE {ProcessedAt} IS NULL AND {NextAttemptAt} <= {{0}} ORDER BY {NextAttemptAt} LIMIT {{1}}";
        Claim = $$"""
            UPDATE {{Name}} SET {{NextAttemptAt}} = {0}, {{ClaimedBy}} = {1}
            WHERE {{Id}} IN (
                SELECT {{Id}} FROM {{Name}} WHERE {{ProcessedAt}} IS NULL AND {{NextAttemptAt}} <= {2}
                ORDER BY {{NextAttemptAt}} LIMIT {3} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """;
        Purge = $"DELETE FROM {Name} WHERE {Id} IN (SELECT {Id} FROM {Name} WHERE {ProcessedAt} IS NOT NULL AND {ProcessedAt} < {{0}} LIMIT {{1}})";
        _nextAttemptAt = entity.FindProperty(nameof(OutboxMessage.NextAttemptAt))!;
        _processedAt = entity.FindProperty(nameof(OutboxMessage.ProcessedAt))!;
    }

    public string Name { get; }
    public string Id { get; }
    public string ProcessedAt { get; }
    public string NextAttemptAt { get; }
    public string ClaimedBy { get; }

    /// <summary>Due messages in due order: {0} now, {1} how many.</summary>
    public string SelectDue { get; }

    /// <summary>PostgreSQL: claim due messages for a node, returning them: {0} lease end, {1} node, {2} now, {3} how many.</summary>
    public string Claim { get; }

    /// <summary>Delete processed messages: {0} processed before, {1} how many at most.</summary>
    public string Purge { get; }

    public static OutboxTable For(DbContext db) => Tables.GetOrAdd(db.GetType(), _ => new OutboxTable(db));

    /// <summary>An instant as a parameter value comparable with the stored <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    public object Due(DateTimeOffset instant) => Store(_nextAttemptAt, instant);

    /// <summary>An instant as a parameter value comparable with the stored <see cref="OutboxMessage.ProcessedAt"/>.</summary>
    public object Processed(DateTimeOffset instant) => Store(_processedAt, instant);

    private static object Store(IProperty property, DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return property.GetTypeMapping().Converter?.ConvertToProvider(utc) ?? utc;
    }
}
