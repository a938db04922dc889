using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Abstractions.Cluster;
using Training.Abstractions.Storage;
using Training.Courses.Media;
using Training.Courses.Media.Data;
using Training.Platform.Cluster;

namespace Training.Courses.Tests.Media;

/// <summary>The media library's cache on several nodes: two libraries with their own memory caches on one database and
/// one cluster channel (as two nodes on PostgreSQL LISTEN/NOTIFY are). A change announced on one node drops the course
/// and its items on the other; "*" drops everything a node cached.</summary>
public sealed class MediaCacheClusterTests
{
    private sealed record Nodes(MediaSetup Setup, MediaLibrary A, MediaLibrary B, IClusterEvents Events, MediaItem Item, CancellationTokenSource Hub) : IDisposable
    {
        public static async Task<Nodes> ArrangeAsync()
        {
            var s = await MediaSetup.ArrangeAsync();
            await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("video.mp4", MediaFiles.Mp4(), Slug: "gioi-thieu"));
            var hub = new ClusterEventHub(NullLogger<ClusterEventHub>.Instance);
            var running = new CancellationTokenSource();
            _ = hub.RunAsync(running.Token);
            var events = new LocalClusterEvents(hub);
            var scopes = s.App.Services.GetRequiredService<IServiceScopeFactory>();
            MediaLibrary Node() => new(scopes, new MemoryCache(new MemoryCacheOptions()), events);
            return new Nodes(s, Node(), Node(), events, Assert.Single(await s.ItemsAsync()), running);
        }

        /// <summary>Removes the row behind every cache's back, as another node's delete does.</summary>
        public Task DeleteRowAsync() => Setup.App.WithScopeAsync(sp =>
            sp.GetRequiredService<MediaDbContext>().Items.Where(i => i.Id == Item.Id).ExecuteDeleteAsync());

        public void Dispose()
        {
            Hub.Cancel();
            A.Dispose();
            B.Dispose();
            Setup.Dispose();
        }
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        // Cluster handlers run off the publisher's thread: poll briefly.
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return true;
            await Task.Delay(50);
        }
        return false;
    }

    [Fact]
    public async Task AnItemDeletedOnOneNodeLeavesTheOtherNodesCacheAtOnce()
    {
        using var n = await Nodes.ArrangeAsync();
        Assert.True((await n.B.GetCourseAsync(n.Item.CourseId)).BySlug.ContainsKey("gioi-thieu"));
        Assert.NotNull(await n.B.FindAsync(n.Item.Id));
        await n.DeleteRowAsync();
        // Still cached on B: without the message it would be served for ten minutes.
        Assert.NotNull(await n.B.FindAsync(n.Item.Id));
        var stampBefore = (await n.B.GetCourseAsync(n.Item.CourseId)).Stamp;

        await n.A.ChangedAsync(n.Item.CourseId, [n.Item.Id]);

        Assert.True(await EventuallyAsync(async () => await n.B.FindAsync(n.Item.Id) is null), "node B still serves the deleted item");
        var course = await n.B.GetCourseAsync(n.Item.CourseId);
        Assert.Empty(course.BySlug);
        Assert.NotEqual(stampBefore, course.Stamp);
    }

    [Fact]
    public async Task AnUploadOnOneNodeIsInTheOtherNodesLibraryAtOnce()
    {
        using var n = await Nodes.ArrangeAsync();
        Assert.Single((await n.B.GetCourseAsync(n.Item.CourseId)).BySlug);
        await n.Setup.Author.UploadAsync(n.Setup.Course.CourseId, new MediaFiles.Upload("hinh.png", MediaFiles.Png(), Slug: "so-do"));
        var added = (await n.Setup.ItemsAsync()).Single(i => i.Slug == "so-do");

        await n.A.ChangedAsync(n.Item.CourseId, [added.Id]);

        Assert.True(await EventuallyAsync(async () => (await n.B.GetCourseAsync(n.Item.CourseId)).BySlug.ContainsKey("so-do")),
            "node B's library does not show the new upload");
    }

    [Fact]
    public async Task MissedMessagesDropEverythingTheNodeCached()
    {
        using var n = await Nodes.ArrangeAsync();
        await n.B.GetCourseAsync(n.Item.CourseId);
        await n.B.FindAsync(n.Item.Id);
        await n.DeleteRowAsync();

        await n.Events.PublishAsync(MediaLibrary.Channel, IClusterEvents.Everything);

        Assert.True(await EventuallyAsync(async () => await n.B.FindAsync(n.Item.Id) is null), "node B kept the item after \"*\"");
        Assert.Empty((await n.B.GetCourseAsync(n.Item.CourseId)).BySlug);
    }

    [Fact]
    public async Task AFileRemovedUnderACachedItemIsNotFoundNotAnError()
    {
        using var n = await Nodes.ArrangeAsync();
        var first = await n.Setup.Author.GetAsync($"/courses/media/{n.Item.Id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The blob goes while this node still caches the item and its file (another node deleted it, message not yet here).
        await n.Setup.App.WithScopeAsync(sp => sp.GetRequiredService<IBlobStore>().DeleteAsync(n.Item.BlobKey));

        var second = await n.Setup.Author.GetAsync($"/courses/media/{n.Item.Id}");

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }
}
