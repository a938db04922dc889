using System.Diagnostics;
using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Bench;

/// <summary>Warm single-thread latency of the product's search, page search (with facet counts) and the batch form
/// (no facets), with the process CPU time per query so that figures taken on a shared, loaded machine can be read.</summary>
internal static class Latency
{
    public static void Run(string corpus, List<EvalQuery> queries, string work)
    {
        var (docs, articles) = Library.Load(corpus);
        var (index, searcher, build) = Library.BuildIndex(work, docs, articles);
        Console.WriteLine($"library: {articles.Count} articles; index build {build.TotalSeconds:0.0} s");
        Measure(searcher, queries, "real corpus");
        index.Dispose();
    }

    public static void Measure(LegalSearcher searcher, List<EvalQuery> queries, string label)
    {
        var all = queries.Concat(queries.Select(q => q with { Text = VietnameseText.Fold(q.Text) })).ToList();
        foreach (var q in all.Take(200)) searcher.Search(new SearchQuery(q.Text));
        foreach (var facets in new[] { true, false })
        {
            var times = new List<double>(all.Count);
            var threadCpu = new List<double>(all.Count);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var q in all)
            {
                var c = ThreadCpu.NowMs();
                var t = Stopwatch.GetTimestamp();
                searcher.Search(new SearchQuery(q.Text, Facets: facets));
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                threadCpu.Add(ThreadCpu.NowMs() - c);
            }
            var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / all.Count;
            times.Sort();
            threadCpu.Sort();
            Console.WriteLine($"{label}, {(facets ? "page search (facets)" : "batch search (no facets)")}: {all.Count} queries, wall p50 {Evaluator.Percentile(times, 0.5):0.00} ms, p95 {Evaluator.Percentile(times, 0.95):0.00} ms; " +
                $"thread CPU p50 {Evaluator.Percentile(threadCpu, 0.5):0.00} ms, p95 {Evaluator.Percentile(threadCpu, 0.95):0.00} ms; process CPU {cpuPerQuery:0.00} ms/query; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
    }
}
