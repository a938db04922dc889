using System.Security.Cryptography;
using Training.Abstractions.Hosting;

namespace Training.Certification.Pdf;

/// <summary>The immutable PDF snapshots under the data folder. A file is written to a temporary name, flushed to disk
/// and renamed, so a crash never leaves a half-written certificate under its final name.</summary>
public sealed class CertificateFiles(TrainingPaths paths)
{
    public string Folder { get; } = paths.Folder("certificates");

    public string PathOf(string file) => Path.Combine(Folder, file);

    public async Task<(string File, string Sha256, int Bytes)> WriteAsync(Guid certificateId, byte[] pdf, CancellationToken ct)
    {
        var file = certificateId.ToString("N") + ".pdf";
        var final = PathOf(file);
        var temp = final + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(pdf, ct);
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temp, final, overwrite: false);
        }
        catch (IOException) when (File.Exists(final))
        {
            // Another writer (or a run killed before recording the hash) got there first: files are only ever renamed
            // into place complete, so keep that one and record its hash.
            File.Delete(temp);
            var existing = await File.ReadAllBytesAsync(final, ct);
            return (file, Sha256(existing), existing.Length);
        }
        return (file, Sha256(pdf), pdf.Length);
    }

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Removes temporary files left by an interrupted write (older than two minutes).</summary>
    public int CleanTemporaryFiles(TimeSpan? minimumAge = null)
    {
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
