using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cluster;
using Training.Abstractions.Storage;
using Training.Courses.Media.Data;

namespace Training.Courses.Media;

/// <summary>An item as lessons and the file endpoint see it.</summary>
public sealed record MediaRef(Guid Id, Guid CourseId, string Slug, string Title, MediaKind Kind, string ContentType, string FileName,
    long Length, string Sha256, string BlobKey, string? CaptionsBlobKey, string? CaptionsSha256, DateTimeOffset UploadedAt)
{
    public string Url => $"/courses/media/{Id}";

    public string CaptionsUrl => $"/courses/media/{Id}/captions";

    public static MediaRef From(MediaItem i) => new(i.Id, i.CourseId, i.Slug, i.Title, i.Kind, i.ContentType, i.FileName, i.Length, i.Sha256,
        i.BlobKey, i.CaptionsBlobKey, i.CaptionsSha256, i.UploadedAt);
}

/// <summary>A course's library, read once and cached. <see cref="Stamp"/> changes with any item, so renderings that
/// resolved <c>media:</c> references are keyed by it and never outlive an upload.</summary>
public sealed record CourseMedia(IReadOnlyDictionary<string, MediaRef> BySlug, string Stamp);

/// <summary>Cached reads of the media library: a course's library (for rendering), single items and the local file of
/// an item's blob (for serving; a video is played in many range requests, each of which would otherwise read the
/// database and the blob's description). A change is announced on the cluster channel <c>courses.media</c> as
/// "<c>{course id}</c>" or "<c>{course id} {item id},{item id}…</c>", and every node, this one included, drops the
/// course's library and those items; "<c>*</c>" (messages may have been missed) drops everything this node cached.</summary>
public sealed class MediaLibrary : IDisposable
{
    public const string Channel = "courses.media";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly IServiceScopeFactory _scopes;
    private readonly IMemoryCache _cache;
    private readonly IClusterEvents _cluster;
    private readonly IDisposable _subscription;
    // What this node cached, so "*" can drop it (IMemoryCache cannot list its keys).
    private readonly HashSet<Guid> _cachedCourses = [];
    private readonly HashSet<Guid> _cachedItems = [];

    public MediaLibrary(IServiceScopeFactory scopes, IMemoryCache cache, IClusterEvents cluster)
    {
        _scopes = scopes;
        _cache = cache;
        _cluster = cluster;
        _subscription = cluster.Subscribe(Channel, (message, _) =>
        {
            if (message == IClusterEvents.Everything) EvictAll();
            else Evict(message);
            return Task.CompletedTask;
        });
    }

    public async Task<CourseMedia> GetCourseAsync(Guid courseId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(CourseKey(courseId), out CourseMedia? cached) && cached is not null) return cached;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        var items = await db.Items.AsNoTracking().Where(i => i.CourseId == courseId).ToListAsync(ct);
        var bySlug = items.Select(MediaRef.From).ToDictionary(i => i.Slug, StringComparer.Ordinal);
        var state = string.Join(",", items.OrderBy(i => i.Slug, StringComparer.Ordinal).Select(i => $"{i.Slug}={i.Id:N}"));
        var result = new CourseMedia(bySlug, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(state)))[..16]);
        lock (_cachedCourses) _cachedCourses.Add(courseId);
        _cache.Set(CourseKey(courseId), result, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 64 + items.Count * 256 });
        return result;
    }

    public async Task<MediaRef?> FindAsync(Guid id, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(ItemKey(id), out MediaRef? cached) && cached is not null) return cached;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        var result = MediaRef.From(item);
        lock (_cachedItems) _cachedItems.Add(id);
        _cache.Set(ItemKey(id), result, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 256 });
        return result;
    }

    /// <summary>The local file of one of the item's blobs (<paramref name="blobKey"/> is its file or its captions), when
    /// the store keeps files (<see cref="IBlobFiles"/>); cached with the item.</summary>
    public async Task<BlobFile?> FindFileAsync(MediaRef item, string blobKey, IBlobFiles files, CancellationToken ct = default)
    {
        var key = FileKey(item, blobKey);
        if (_cache.TryGetValue(key, out BlobFile? cached) && cached is not null) return cached;
        var file = await files.FindFileAsync(blobKey, ct);
        if (file is null) return null;
        lock (_cachedItems) _cachedItems.Add(item.Id);
        _cache.Set(key, file, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 256 });
        return file;
    }

    /// <summary>Forgets a cached file that turned out to be gone (the item was deleted on another node).</summary>
    public void ForgetFile(MediaRef item, string blobKey) => _cache.Remove(FileKey(item, blobKey));

    /// <summary>Call after the change is committed: drops the course's library and the items on every node.</summary>
    public Task ChangedAsync(Guid courseId, IEnumerable<Guid> itemIds, CancellationToken ct = default)
    {
        var message = $"{courseId:N} {string.Join(",", itemIds.Select(i => i.ToString("N")))}".TrimEnd();
        Evict(message);
        return _cluster.PublishAsync(Channel, message, ct);
    }

    private void Evict(string message)
    {
        var parts = message.Split(' ', 2);
        if (Guid.TryParse(parts[0], out var courseId)) EvictCourse(courseId);
        if (parts.Length < 2) return;
        foreach (var part in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
            if (Guid.TryParse(part, out var itemId)) EvictItem(itemId);
    }

    private void EvictCourse(Guid courseId)
    {
        _cache.Remove(CourseKey(courseId));
        lock (_cachedCourses) _cachedCourses.Remove(courseId);
    }

    private void EvictItem(Guid id)
    {
        _cache.Remove(ItemKey(id));
        _cache.Remove(FileKey(id, captions: false));
        _cache.Remove(FileKey(id, captions: true));
        lock (_cachedItems) _cachedItems.Remove(id);
    }

    private void EvictAll()
    {
        Guid[] courses, items;
        lock (_cachedCourses) courses = [.. _cachedCourses];
        lock (_cachedItems) items = [.. _cachedItems];
        foreach (var c in courses) EvictCourse(c);
        foreach (var i in items) EvictItem(i);
    }

    private static string CourseKey(Guid courseId) => $"courses:media:course:{courseId:N}";

    private static string ItemKey(Guid id) => $"courses:media:item:{id:N}";

    // An item has at most two blobs: its file and its captions.
    private static string FileKey(Guid id, bool captions) => $"courses:media:file:{id:N}:{(captions ? 'c' : 'f')}";

    private static string FileKey(MediaRef item, string blobKey) => FileKey(item.Id, blobKey == item.CaptionsBlobKey);

    public void Dispose() => _subscription.Dispose();
}
