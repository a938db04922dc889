using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Storage;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>Uploaded roster files waiting for the user to confirm the units they would create. The content goes to the
/// <see cref="IBlobStore"/> (the data folder on one node, the database or S3 when several nodes share PostgreSQL), so
/// the confirmation may reach any node; a row in <c>org_roster_drafts</c> names the owner and the time. Only the
/// uploader can confirm; drafts older than a day are refused, and removed whenever a new one is saved. Nothing is
/// imported from a draft until it is confirmed, and the import itself stays all-or-nothing.</summary>
public sealed class RosterDrafts(OrganisationDbContext db, IBlobStore blobs, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public async Task<string> SaveAsync(string userId, byte[] content, CancellationToken ct)
    {
        await PurgeAsync(ct);
        var id = Guid.NewGuid().ToString("N");
        // The row first: a crash between the two leaves a row without content (refused, then purged), never content
        // that nothing points to.
        db.RosterDrafts.Add(new RosterDraft { Id = id, Owner = OwnerOf(userId), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await blobs.PutAsync(KeyOf(id), new MemoryStream(content, writable: false), "text/csv", ct);
        return id;
    }

    /// <summary>The draft's content, or null when it does not exist, belongs to someone else or has expired.</summary>
    public async Task<byte[]?> LoadAsync(string userId, string id, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "N", out _)) return null;
        var (owner, since) = (OwnerOf(userId), clock.GetUtcNow() - Lifetime);
        if (!await db.RosterDrafts.AnyAsync(d => d.Id == id && d.Owner == owner && d.CreatedAt > since, ct)) return null;
        await using var blob = await blobs.OpenReadAsync(KeyOf(id), ct);
        if (blob is null) return null;
        using var buffer = new MemoryStream();
        await blob.Stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>Removes the uploader's draft (used once, or cancelled); someone else's is left alone.</summary>
    public async Task DeleteAsync(string userId, string id, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "N", out _)) return;
        var owner = OwnerOf(userId);
        if (await db.RosterDrafts.Where(d => d.Id == id && d.Owner == owner).ExecuteDeleteAsync(ct) > 0)
            await blobs.DeleteAsync(KeyOf(id), ct);
    }

    /// <summary>Removes every draft past its lifetime, content first (a crash leaves the row, purged next time).</summary>
    public async Task PurgeAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - Lifetime;
        var expired = await db.RosterDrafts.AsNoTracking().Where(d => d.CreatedAt <= before).Select(d => d.Id).Take(1000).ToListAsync(ct);
        foreach (var id in expired) await blobs.DeleteAsync(KeyOf(id), ct);
        if (expired.Count > 0) await db.RosterDrafts.Where(d => expired.Contains(d.Id)).ExecuteDeleteAsync(ct);
    }

    private static string KeyOf(string id) => $"roster-drafts/{id}.csv";

    private static string OwnerOf(string userId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16];
}
