using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Platform.Outbox;
using Training.Reporting.Data;

namespace Training.Reporting.Reminders;

/// <summary>A keyed notification to write once, with its e-mail. <see cref="To"/> saves a directory lookup when the caller
/// already has the person; <see cref="Attachments"/> are blob keys sent with the e-mail.</summary>
public sealed record Notice(string Key, string UserId, string Kind, string Title, string Body, string? Url)
{
    public PersonInfo? To { get; init; }
    public IReadOnlyList<StoredAttachment>? Attachments { get; init; }
}

/// <summary>The one writer of keyed notifications (reminders, recertification notices, head reminders, digests, report
/// deadlines): each notification and its e-mail (reporting outbox) in one transaction, once per key. Set-based: per chunk,
/// one query finds the keys already written, the recipients are looked up outside the transaction, and the chunk is
/// written in one short step. The key is unique: when a concurrent writer wrote one of the chunk's keys meanwhile, the
/// chunk is re-checked and written again without it.</summary>
public sealed class OnceNotifier(ReportingDbContext db, IOrgDirectory directory, TimeProvider clock)
{
    private const int Chunk = 200;
    private const int MaxAttempts = 5;
    private const int MaxTitle = 500;
    private const int MaxBody = 4000;

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => db.Notifications.AnyAsync(n => n.Key == key, ct);

    /// <summary>Which of <paramref name="keys"/> are written already: one query per chunk of keys. Callers ask it before
    /// doing costly work for a batch (a report to generate); <see cref="AddAsync(IEnumerable{Notice}, CancellationToken)"/>
    /// asks it again just before writing, which is what keeps a key written once under concurrent writers.</summary>
    public async Task<HashSet<string>> ExistingAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var batch = chunk.ToList();
            existing.UnionWith(await db.Notifications.AsNoTracking().Where(n => batch.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct));
        }
        return existing;
    }

    /// <summary>Writes one notice; false when its key was already written.</summary>
    public async Task<bool> AddAsync(string key, string userId, string kind, string title, string body, string? url, CancellationToken ct) =>
        await AddAsync([new Notice(key, userId, kind, title, body, url)], ct) == 1;

    /// <summary>Writes the notices whose keys are not written yet; returns how many were written.</summary>
    public async Task<int> AddAsync(IEnumerable<Notice> notices, CancellationToken ct)
    {
        var written = 0;
        var people = new Dictionary<string, PersonInfo?>(StringComparer.Ordinal);
        foreach (var chunk in notices.DistinctBy(n => n.Key).Chunk(Chunk))
        {
            for (var attempt = 0; ; attempt++)
            {
                var fresh = await FreshAsync(chunk, ct);
                foreach (var n in fresh.Where(n => n.To is null && !people.ContainsKey(n.UserId)))
                    people[n.UserId] = await directory.GetPersonAsync(n.UserId, ct);
                try
                {
                    written += await WriteAsync(fresh, people, ct);
                    break;
                }
                catch (Exception ex) when (attempt < MaxAttempts - 1 && (ex is DbUpdateException || ex.InnerException is DbUpdateException))
                {
                    // Another writer took one of these keys between the check and the write: nothing of the chunk was
                    // written; wait a moment and check again. (PostgreSQL reports some clashes as transient, wrapped.)
                    db.ChangeTracker.Clear();
                    await Task.Delay(Random.Shared.Next(10, 100), ct);
                }
            }
        }
        return written;
    }

    private async Task<List<Notice>> FreshAsync(IReadOnlyCollection<Notice> chunk, CancellationToken ct)
    {
        var existing = await ExistingAsync(chunk.Select(n => n.Key), ct);
        return chunk.Where(n => !existing.Contains(n.Key)).ToList();
    }

    private async Task<int> WriteAsync(List<Notice> fresh, Dictionary<string, PersonInfo?> people, CancellationToken ct)
    {
        if (fresh.Count == 0) return 0;
        var now = clock.GetUtcNow().ToUniversalTime();
        foreach (var n in fresh)
        {
            var title = Clip(n.Title, MaxTitle);
            var body = Clip(n.Body, MaxBody);
            var notification = new Notification
            {
                Id = IdOf(n.Key), Key = n.Key, UserId = n.UserId, Kind = n.Kind, Title = title, Body = body, Url = n.Url, CreatedAt = now,
            };
            db.Notifications.Add(notification);
            var to = n.To ?? people.GetValueOrDefault(n.UserId);
            if (!string.IsNullOrWhiteSpace(to?.Email))
                db.Enqueue(new ReminderEmail(Guid.NewGuid(), now, notification.Id, to.Email, to.FullName, title, body, n.Attachments));
        }
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>The id follows from the key, so concurrent writers of overlapping chunks insert the rows in the same
    /// order (EF orders inserts by key value) and one waits for the other instead of deadlocking.</summary>
    private static Guid IdOf(string key) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("notification:" + key)).AsSpan(0, 16));

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
