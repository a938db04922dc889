using System.Diagnostics;
using Markdig.Renderers;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Courses.Markdown;
using Training.Platform.Cluster;

namespace Training.Courses.Bench;

/// <summary>Lesson rendering against the number of identical headings (the unique-anchor case): the whole renderer
/// (no cache: a new renderer each time) and each stage (Markdig parse, heading anchors, HTML rendering, sanitiser),
/// the sizes measured alternately <c>runs</c> times, medians and the ratio large/small (linear ≈ the size ratio).</summary>
internal static class MarkdownTiming
{
    public static async Task<int> RunAsync(int small, int large, int runs)
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var sizes = new[] { small, large };
        var texts = sizes.ToDictionary(n => n, n => string.Concat(Enumerable.Repeat("# Ví dụ\n", n)));
        var times = sizes.ToDictionary(n => n, _ => new Dictionary<string, List<double>>());
        foreach (var n in sizes) await MeasureAsync(services, texts[n], null); // warm-up
        for (var run = 0; run < runs; run++)
            foreach (var n in sizes) await MeasureAsync(services, texts[n], times[n]);
        Console.WriteLine($"Markdown: identical headings, {runs} runs each, alternating; medians in ms");
        Console.WriteLine($"stage\t{small}\t{large}\tratio (linear = {(double)large / small:0.0})");
        foreach (var stage in times[small].Keys)
        {
            double Median(int n) => times[n][stage].Order().ElementAt(runs / 2);
            Console.WriteLine($"{stage}\t{Median(small):0.0}\t{Median(large):0.0}\t{Median(large) / Median(small):0.00}");
        }
        return 0;
    }

    private static async Task MeasureAsync(IServiceProvider services, string markdown, Dictionary<string, List<double>>? into)
    {
        void Add(string stage, TimeSpan t)
        {
            if (into is null) return;
            if (!into.TryGetValue(stage, out var list)) into[stage] = list = [];
            list.Add(t.TotalMilliseconds);
        }
        var clock = Stopwatch.StartNew();
        var cache = new MemoryCache(new MemoryCacheOptions());
        var renderer = new LessonRenderer(services, cache, new LessonRenderings(cache,
            new LocalClusterEvents(new ClusterEventHub(NullLogger<ClusterEventHub>.Instance))));
        var html = (await renderer.RenderAsync(markdown, forAuthor: false)).Html;
        Add("whole renderer", clock.Elapsed);
        if (!html.Contains("id=\"ví-dụ-1\"", StringComparison.Ordinal)) throw new InvalidOperationException("No unique anchors.");

        clock.Restart();
        var document = Markdig.Markdown.Parse(markdown, LessonRenderer.Pipeline);
        Add("parse", clock.Elapsed);
        clock.Restart();
        var ids = HeadingAnchors.Assign(document);
        Add("anchors", clock.Elapsed);
        clock.Restart();
        using var writer = new StringWriter();
        var htmlRenderer = new HtmlRenderer(writer);
        LessonRenderer.Pipeline.Setup(htmlRenderer);
        htmlRenderer.Render(document);
        Add("html", clock.Elapsed);
        clock.Restart();
        LessonSanitizer.Sanitize(writer.ToString(), ids);
        Add("sanitize", clock.Elapsed);
    }
}
