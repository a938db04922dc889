using System.Runtime.CompilerServices;
using System.Text.Json;
using Training.Abstractions.Hosting;
using Training.Abstractions.Storage;

namespace Training.Platform.Storage;

/// <summary>Blobs in the data folder (one node). <c>blobs/meta/&lt;key&gt;.json</c> describes the blob and names its
/// content file <c>blobs/data/&lt;key&gt;.&lt;sha256 prefix&gt;</c>; both are written to a temporary file, flushed and renamed,
/// content first, so the description a reader finds always names complete content. The previous content file is
/// removed after the switch.</summary>
public sealed class FileSystemBlobStore(TrainingPaths paths, TimeProvider clock) : IBlobStore, IBlobFiles, IBlobListing, IBlobHousekeeping
{
    private const int BufferSize = 81920;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _root = paths.Folder("blobs");

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        BlobKey.Check(key);
        var temp = TempPath();
        string sha;
        long length;
        try
        {
            using var hashing = new BlobHashing();
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await hashing.ReadAsync(content, buffer, ct)) > 0) await file.WriteAsync(buffer.AsMemory(0, read), ct);
                file.Flush(flushToDisk: true);
            }
            sha = hashing.Finish();
            length = hashing.Length;
        }
        catch
        {
            // The content stream failed (an upload cut off or over its limit): leave no temporary file behind.
            File.Delete(temp);
            throw;
        }
        var previous = await ReadMetaAsync(key, ct);
        var info = new BlobInfo(key, length, contentType, sha, BlobHashing.StoredAt(clock));
        var data = DataPath(info);
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        File.Move(temp, data, overwrite: true);
        await WriteMetaAsync(info, ct);
        if (previous is not null && DataPath(previous) != data) File.Delete(DataPath(previous));
        return info;
    }

    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken ct = default) => ReadMetaAsync(BlobKey.Check(key), ct);

    public async Task<BlobFile?> FindFileAsync(string key, CancellationToken ct = default)
    {
        var info = await ReadMetaAsync(BlobKey.Check(key), ct);
        return info is null ? null : new BlobFile(info, DataPath(info));
    }

    public async Task<BlobContent?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Check(key);
        // A put may replace the content between reading the description and opening the file: read again once.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var info = await ReadMetaAsync(key, ct);
            if (info is null) return null;
            try
            {
                return new BlobContent(info, new FileStream(DataPath(info), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true));
            }
            catch (FileNotFoundException) when (attempt == 0)
            {
            }
        }
        return null;
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var info = await ReadMetaAsync(BlobKey.Check(key), ct);
        if (info is null) return false;
        File.Delete(MetaPath(key));
        File.Delete(DataPath(info));
        return true;
    }

    public async Task<IReadOnlyList<BlobEntry>> ListAsync(string prefix, string? after, int take, CancellationToken ct = default)
    {
        var keys = KeysUnder(prefix).Where(k => after is null || string.CompareOrdinal(k, after) > 0).Order(StringComparer.Ordinal).Take(take);
        var entries = new List<BlobEntry>();
        foreach (var key in keys)
            if (await ReadMetaAsync(key, ct) is { } info) entries.Add(new BlobEntry(info.Key, info.Length, info.StoredAt));
        return entries;
    }

    /// <summary>One walk of the prefix's folder, unsorted, a description at a time: a keyset page per call
    /// (<see cref="ListAsync"/>) would read and sort the whole folder again for every page, N²/page entries per sweep.</summary>
    public async IAsyncEnumerable<BlobEntry> EnumerateAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var key in KeysUnder(prefix))
            if (await ReadMetaAsync(key, ct) is { } info) yield return new BlobEntry(info.Key, info.Length, info.StoredAt);
    }

    /// <summary>The keys under <paramref name="prefix"/>, unsorted, from their descriptions' file names. Only the folder the
    /// prefix names is walked (a prefix ending in '/' is a folder of keys).</summary>
    private IEnumerable<string> KeysUnder(string prefix)
    {
        var meta = Path.Combine(_root, "meta");
        var folder = Path.Combine(meta, prefix.Contains('/') ? prefix[..(prefix.LastIndexOf('/') + 1)] : "");
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(meta, f)[..^".json".Length].Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>Removes temporary files and content files no description names (a put that died between its two renames,
    /// or a replaced file whose removal failed) last written before <paramref name="olderThan"/>.</summary>
    public async Task<int> DeleteIncompleteAsync(DateTimeOffset olderThan, CancellationToken ct = default)
    {
        var removed = 0;
        bool Old(string file) => File.GetLastWriteTimeUtc(file) < olderThan.UtcDateTime;
        var tmp = Path.Combine(_root, "tmp");
        if (Directory.Exists(tmp))
            foreach (var file in Directory.EnumerateFiles(tmp).Where(Old).ToList()) { File.Delete(file); removed++; }
        var data = Path.Combine(_root, "data");
        if (!Directory.Exists(data)) return removed;
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Where(Old).ToList())
        {
            var name = Path.GetRelativePath(data, file).Replace(Path.DirectorySeparatorChar, '/');
            var dot = name.LastIndexOf('.');
            var info = dot > 0 && BlobKey.IsValid(name[..dot]) ? await ReadMetaAsync(name[..dot], ct) : null;
            // The content file a description names is "<key>.<first 16 of its SHA-256>".
            if (info is not null && name[(dot + 1)..] == info.Sha256[..16]) continue;
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    private string MetaPath(string key) => Path.Combine(_root, "meta", key + ".json");

    private string DataPath(BlobInfo info) => Path.Combine(_root, "data", $"{info.Key}.{info.Sha256[..16]}");

    private string TempPath() => Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName, Guid.NewGuid().ToString("N"));

    private async Task<BlobInfo?> ReadMetaAsync(string key, CancellationToken ct)
    {
        try
        {
            await using var file = File.OpenRead(MetaPath(key));
            return await JsonSerializer.DeserializeAsync<BlobInfo>(file, Json, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task WriteMetaAsync(BlobInfo info, CancellationToken ct)
    {
        var temp = TempPath();
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            await JsonSerializer.SerializeAsync(file, info, Json, ct);
            file.Flush(flushToDisk: true);
        }
        var meta = MetaPath(info.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
        File.Move(temp, meta, overwrite: true);
    }
}
