using System.Text.Json;
using Training.Abstractions.Hosting;
using Training.Abstractions.Storage;

namespace Training.Platform.Storage;

/// <summary>Blobs in the data folder (one node). <c>blobs/meta/&lt;key&gt;.json</c> describes the blob and names its
/// content file <c>blobs/data/&lt;key&gt;.&lt;sha256 prefix&gt;</c>; both are written to a temporary file, flushed and renamed,
/// content first, so the description a reader finds always names complete content. The previous content file is
/// removed after the switch.</summary>
public sealed class FileSystemBlobStore(TrainingPaths paths, TimeProvider clock) : IBlobStore, IBlobFiles
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
