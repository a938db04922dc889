using System.Security.Cryptography;
using System.Text;
using Training.Abstractions.Hosting;

namespace Training.Organisation.Roster;

/// <summary>Uploaded roster files waiting for the user to confirm the units they would create. Kept under the data
/// folder (where the site keeps every file it writes), named by owner and a random id so that only the uploader can
/// confirm; drafts older than a day are removed whenever a new one is saved.</summary>
public sealed class RosterDrafts(TrainingPaths paths, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private string Folder => paths.Folder("roster-drafts");

    public async Task<string> SaveAsync(string userId, byte[] content, CancellationToken ct)
    {
        Purge();
        var id = Guid.NewGuid().ToString("N");
        var path = PathOf(userId, id);
        // Write to a temporary name first: a crash never leaves half a draft under the real name.
        await File.WriteAllBytesAsync(path + ".tmp", content, ct);
        File.Move(path + ".tmp", path);
        return id;
    }

    /// <summary>The draft's content, or null when it does not exist, belongs to someone else or has expired.</summary>
    public async Task<byte[]?> LoadAsync(string userId, string id, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "N", out _)) return null;
        var path = PathOf(userId, id);
        if (!File.Exists(path) || clock.GetUtcNow() - File.GetLastWriteTimeUtc(path) > Lifetime) return null;
        return await File.ReadAllBytesAsync(path, ct);
    }

    public void Delete(string userId, string id)
    {
        if (Guid.TryParseExact(id, "N", out _)) File.Delete(PathOf(userId, id));
    }

    private string PathOf(string userId, string id) =>
        Path.Combine(Folder, $"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16]}-{id}.csv");

    private void Purge()
    {
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            if (clock.GetUtcNow() - file.LastWriteTimeUtc > Lifetime) file.Delete();
        }
    }
}
