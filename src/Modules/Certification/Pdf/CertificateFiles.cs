using System.Security.Cryptography;
using Training.Abstractions.Hosting;
using Training.Abstractions.Storage;
using Training.Platform.Storage;

namespace Training.Certification.Pdf;

/// <summary>The immutable PDF snapshots. With the data-folder blob store (one node on SQLite, the default there) they stay
/// in the data folder's <c>certificates/</c> as before, so nothing moves on upgrade and <c>check-certificates</c> can list
/// the folder. Otherwise (PostgreSQL: the database or S3) they go to the shared <see cref="IBlobStore"/> under
/// <c>certificates/&lt;id&gt;-&lt;sha256 prefix&gt;.pdf</c>: every node serves every PDF, and two renders of one certificate
/// (two nodes at once) never overwrite each other, so the recorded hash always names the recorded content.</summary>
public sealed class CertificateFiles(TrainingPaths paths, IBlobStore blobs)
{
    public string Folder { get; } = paths.Folder("certificates");

    /// <summary>True when the snapshots are files in <see cref="Folder"/> (one node).</summary>
    public bool InDataFolder { get; } = blobs is FileSystemBlobStore;

    public string PathOf(string file) => Path.Combine(Folder, file);

    public Task<(string File, string Sha256, int Bytes)> WriteAsync(Guid certificateId, byte[] pdf, CancellationToken ct) =>
        InDataFolder ? WriteFileAsync(certificateId, pdf, ct) : WriteBlobAsync(certificateId, pdf, ct);

    /// <summary>The stored snapshot, or null when it is missing.</summary>
    public async Task<Stream?> OpenReadAsync(string file, CancellationToken ct)
    {
        if (!InDataFolder) return (await blobs.OpenReadAsync(KeyOf(file), ct))?.Stream;
        var path = PathOf(file);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public async Task<byte[]?> ReadAllBytesAsync(string file, CancellationToken ct)
    {
        await using var stream = await OpenReadAsync(file, ct);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    /// <summary>Removes a snapshot that lost the race to be recorded (shared store only: in the data folder both renders
    /// share one name and the first one stays).</summary>
    public async Task DiscardAsync(string file, string recordedFile, CancellationToken ct)
    {
        if (InDataFolder || file == recordedFile) return;
        await blobs.DeleteAsync(KeyOf(file), ct);
    }

    private static string KeyOf(string file) => "certificates/" + file;

    private async Task<(string File, string Sha256, int Bytes)> WriteBlobAsync(Guid certificateId, byte[] pdf, CancellationToken ct)
    {
        var sha = Sha256(pdf);
        var file = $"{certificateId:N}-{sha[..16]}.pdf";
        using var content = new MemoryStream(pdf, writable: false);
        await blobs.PutAsync(KeyOf(file), content, "application/pdf", ct);
        return (file, sha, pdf.Length);
    }

    private async Task<(string File, string Sha256, int Bytes)> WriteFileAsync(Guid certificateId, byte[] pdf, CancellationToken ct)
    {
        var file = certificateId.ToString("N") + ".pdf";
        var final = PathOf(file);
        var temp = final + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(pdf, ct);
            stream.Flush(flushToDisk: true);
        }
        bool adopted;
        // On Unix File.Move(overwrite: false) checks for the destination and then renames, and a rename replaces: two
        // renders of one certificate in this process (the issuer's and the e-mail's) could both pass the check, and the
        // second file would replace the first after the first's hash was taken and recorded. The data folder belongs to
        // one node, so a lock in the process makes check-and-rename one step.
        lock (RenameLock)
        {
            adopted = File.Exists(final);
            if (adopted) File.Delete(temp);
            else File.Move(temp, final, overwrite: false);
        }
        if (adopted)
        {
            // Another writer (or a run killed before recording the hash) got there first: files are only ever renamed
            // into place complete, so keep that one and record its hash.
            var existing = await File.ReadAllBytesAsync(final, ct);
            return (file, Sha256(existing), existing.Length);
        }
        return (file, Sha256(pdf), pdf.Length);
    }

    private static readonly Lock RenameLock = new();

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Removes temporary files left by an interrupted write to the data folder (older than two minutes).</summary>
    public int CleanTemporaryFiles(TimeSpan? minimumAge = null)
    {
        if (!Directory.Exists(Folder)) return 0;
        var count = 0;
        foreach (var temp in Directory.EnumerateFiles(Folder, "*.tmp"))
        {
            // Leave files a live writer may still be renaming.
            if (File.GetLastWriteTimeUtc(temp) > DateTime.UtcNow - (minimumAge ?? TimeSpan.FromMinutes(2))) continue;
            File.Delete(temp);
            count++;
        }
        return count;
    }
}
