using Microsoft.EntityFrameworkCore;

namespace Training.Platform.Outbox;

/// <summary>The outbox's SQL. Due messages are chosen, ordered and limited in the database (never filtered in memory,
/// where a full page of failing messages could hide a good one forever). On PostgreSQL a claim moves the chosen rows'
/// due time to the end of a lease with <c>FOR UPDATE SKIP LOCKED</c>, so dispatchers on several nodes each take
/// different messages; on SQLite (one node, one dispatcher per context) a plain ordered query is enough.</summary>
internal static class OutboxStore
{
    public static Task<List<OutboxMessage>> ClaimAsync(DbContext db, DateTimeOffset now, int batch, DateTimeOffset leaseEnd, string node, CancellationToken ct)
    {
        var t = OutboxTable.For(db);
        var due = db.Database.IsNpgsql()
            ? db.Set<OutboxMessage>().FromSqlRaw(t.Claim, t.Due(leaseEnd), node, t.Due(now), batch)
            : db.Set<OutboxMessage>().FromSqlRaw(t.SelectDue, t.Due(now), batch);
        return due.AsNoTracking().ToListAsync(ct);
    }

    public static Task MarkProcessedAsync(DbContext db, Guid id, DateTimeOffset now, CancellationToken ct) =>
        db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ProcessedAt, (DateTimeOffset?)now.ToUniversalTime())
            .SetProperty(m => m.LastError, (string?)null), ct);

    public static Task MarkFailedAsync(DbContext db, OutboxMessage message, string error, DateTimeOffset retryAt, CancellationToken ct) =>
        db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.ProcessedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.NextAttemptAt, retryAt.ToUniversalTime())
            .SetProperty(m => m.LastError, error), ct);

    /// <summary>Makes messages this node claimed but did not deliver due again at once.</summary>
    public static Task ReleaseAsync(DbContext db, List<Guid> ids, string node, DateTimeOffset now, CancellationToken ct) =>
        db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id) && m.ProcessedAt == null && m.ClaimedBy == node).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.NextAttemptAt, now.ToUniversalTime())
            .SetProperty(m => m.ClaimedBy, (string?)null), ct);

    /// <summary>Deletes processed messages older than <paramref name="cutoff"/> in short batches (short write
    /// transactions on SQLite); returns how many.</summary>
    public static async Task<int> PurgeAsync(DbContext db, DateTimeOffset cutoff, CancellationToken ct)
    {
        var t = OutboxTable.For(db);
        const int chunk = 1000;
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlRawAsync(t.Purge, [t.Processed(cutoff), chunk], ct);
            total += deleted;
        }
        while (deleted == chunk);
        return total;
    }
}
