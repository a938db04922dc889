using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Bench;

/// <summary>Where a query's CPU goes (thread CPU, medians and means): understanding (tokenise, named document,
/// restoration), the weighted terms, term-at-a-time scoring with facets, the whole search, and the snippets of the
/// page's ten hits (what the search page adds besides rendering).</summary>
internal static class Profile
{
    public static void Run(string corpus, List<EvalQuery> queries, string work)
    {
        var (docs, articles) = Library.Load(corpus);
        var (index, searcher, _) = Library.BuildIndex(work, docs, articles);
        var gen = index.Current!;
        var bodies = articles.ToDictionary(a => a.Id, a => a.Body);
        var all = queries.Concat(queries.Select(q => q with { Text = VietnameseText.Fold(q.Text) })).Append(new EvalQuery(default, "an ninh mang", [])).ToList();
        var tuning = SearchTuning.Default;
        for (var round = 0; round < 3; round++)
        {
            var understand = new List<double>();
            var clauses = new List<double>();
            var score = new List<double>();
            var whole = new List<double>();
            var snippets = new List<double>();
            var core = new List<double>();
            foreach (var q in all)
            {
                var t = ThreadCpu.NowMs();
                var plan = gen.Understanding.Understand(q.Text, tuning);
                understand.Add(ThreadCpu.NowMs() - t);
                t = ThreadCpu.NowMs();
                var c = LegalSearcher.Clauses(plan, tuning);
                clauses.Add(ThreadCpu.NowMs() - t);
                t = ThreadCpu.NowMs();
                TermAtATime.Run(gen, plan, c, new SearchQuery(q.Text), tuning);
                score.Add(ThreadCpu.NowMs() - t);
                t = ThreadCpu.NowMs();
                var outcome = searcher.Search(new SearchQuery(q.Text));
                whole.Add(ThreadCpu.NowMs() - t);
                var s = ThreadCpu.NowMs();
                foreach (var h in outcome.Hits) Highlighter.Snippet(bodies[h.ArticleId], outcome.Plan);
                snippets.Add(ThreadCpu.NowMs() - s);
                core.Add(ThreadCpu.NowMs() - t);
            }
            Console.WriteLine($"round {round} (thread CPU ms, median / mean / p95 over {all.Count} queries; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}):");
            foreach (var (name, list) in new[] { ("understand", understand), ("clauses", clauses), ("score + facets", score), ("whole Search", whole), ("10 snippets", snippets), ("core = Search + snippets", core) })
            {
                list.Sort();
                Console.WriteLine($"  {name,-26} {Evaluator.Percentile(list, 0.5):0.000} / {list.Average():0.000} / {Evaluator.Percentile(list, 0.95):0.000}");
            }
        }
        var probe = searcher.Search(new SearchQuery("an ninh mang"));
        Console.WriteLine($"'an ninh mang': {probe.Total} articles, first {probe.Hits.FirstOrDefault()?.ArticleId}");
        index.Dispose();
    }
}
