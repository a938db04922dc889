using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Bench;

/// <summary>Quality and per-query CPU time of search variants side by side (used to choose the query's shape).</summary>
internal static class Explore
{
    public static void Run(string corpus, List<EvalQuery> queries, string work, IEnumerable<(string Name, SearchTuning Tuning)> variants)
    {
        var (docs, articles) = Library.Load(corpus);
        var (index, searcher, build) = Library.BuildIndex(work, docs, articles);
        Console.WriteLine($"library: {articles.Count} articles; index build {build.TotalSeconds:0.0} s");
        Run(searcher, queries, variants);
        index.Dispose();
    }

    public static void Run(LegalSearcher searcher, List<EvalQuery> queries, IEnumerable<(string Name, SearchTuning Tuning)> variants)
    {
        var all = queries.Concat(queries.Select(q => q with { Text = VietnameseText.Fold(q.Text) })).ToList();
        var list = variants.ToList();
        foreach (var q in all.Take(300)) foreach (var v in list) searcher.Search(new SearchQuery(q.Text), v.Tuning);
        // Interleaved: each query runs under every variant in turn, so a change of machine load affects all alike.
        var cpu = list.Select(_ => new List<double>(all.Count)).ToArray();
        foreach (var q in all)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var t = ThreadCpu.NowMs();
                searcher.Search(new SearchQuery(q.Text), list[i].Tuning);
                cpu[i].Add(ThreadCpu.NowMs() - t);
            }
        }
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| variant | written R@1 | R@5 | R@10 | MRR@10 | stripped R@1 | R@5 | R@10 | MRR@10 | CPU/query mean | p50 | p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < list.Count; i++)
        {
            var (name, tuning) = list[i];
            var w = Evaluator.Run(searcher, queries, false, tuning);
            var s = Evaluator.Run(searcher, queries, true, tuning);
            var mean = cpu[i].Average();
            cpu[i].Sort();
            Console.WriteLine($"| {name} | {w.R1:0.000} | {w.R5:0.000} | {w.R10:0.000} | {w.Mrr10:0.000} | {s.R1:0.000} | {s.R5:0.000} | {s.R10:0.000} | {s.Mrr10:0.000} | {mean:0.00} | {Evaluator.Percentile(cpu[i], 0.5):0.00} | {Evaluator.Percentile(cpu[i], 0.95):0.00} |");
        }
    }
}
