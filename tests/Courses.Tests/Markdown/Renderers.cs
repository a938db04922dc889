using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Courses.Markdown;
using Training.Platform.Cluster;

namespace Training.Courses.Tests.Markdown;

/// <summary>A lesson renderer outside the site: its own cache, and cluster events of one node.</summary>
internal static class Renderers
{
    public static LessonRenderer Create(IServiceProvider services)
    {
        var cache = new MemoryCache(new MemoryCacheOptions());
        var events = new LocalClusterEvents(new ClusterEventHub(NullLogger<ClusterEventHub>.Instance));
        return new LessonRenderer(services, cache, new LessonRenderings(cache, events));
    }
}
