using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cluster;
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

/// <summary>Cached reads of the media library. A change is announced on the cluster channel <c>courses.media</c> (the
/// course id), so every node drops its copy.</summary>
public sealed class MediaLibrary : IDisposable
{
    public const string Channel = "courses.media";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly IServiceScopeFactory _scopes;
    private readonly IMemoryCache _cache;
    private readonly IClusterEvents _cluster;
    private readonly IDisposable _subscription;
    private readonly HashSet<Guid> _cachedCourses = [];

    public MediaLibrary(IServiceScopeFactory scopes, IMemoryCache cache, IClusterEvents cluster)
    {
        _scopes = scopes;
        _cache = cache;
        _cluster = cluster;
        _subscription = cluster.Subscribe(Channel, (message, _) =>
        {
            if (Guid.TryParse(message, out var courseId)) Evict(courseId);
            else if (message == IClusterEvents.Everything) EvictAll();
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
        _cache.Set(ItemKey(id), result, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 256 });
        return result;
    }

    /// <summary>Call after the change is committed.</summary>
    public Task ChangedAsync(Guid courseId, IEnumerable<Guid> itemIds, CancellationToken ct = default)
    {
        foreach (var id in itemIds) _cache.Remove(ItemKey(id));
        Evict(courseId);
        return _cluster.PublishAsync(Channel, courseId.ToString(), ct);
    }

    private void Evict(Guid courseId)
    {
        _cache.Remove(CourseKey(courseId));
        lock (_cachedCourses) _cachedCourses.Remove(courseId);
    }

    private void EvictAll()
    {
        Guid[] courses;
        lock (_cachedCourses) courses = [.. _cachedCourses];
        foreach (var c in courses) _cache.Remove(CourseKey(c));
    }

    private static string CourseKey(Guid courseId) => $"courses:media:course:{courseId:N}";

    private static string ItemKey(Guid id) => $"courses:media:item:{id:N}";

    public void Dispose() => _subscription.Dispose();
}
