using System.Diagnostics;
using Lucene.Net.Search;
using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Bench;

/// <summary>Where a query's time goes: understanding (tokenise, named document, restoration), building the Lucene
/// query, scoring with the top-k collector alone, with facet counting, and reading the page's stored fields.</summary>
internal static class Profile
{
    public static void Run(string corpus, List<EvalQuery> queries, string work)
    {
        var (docs, articles) = Library.Load(corpus);
        var (index, searcher, _) = Library.BuildIndex(work, docs, articles);
        var gen = index.Current!;
        var all = queries.Concat(queries.Select(q => q with { Text = VietnameseText.Fold(q.Text) })).ToList();
        var tuning = SearchTuning.Default;
        for (var round = 0; round < 2; round++)
        {
            double weight = 0, ooo = 0, understand = 0, build = 0, topOnly = 0, withFacets = 0, stored = 0, whole = 0;
            long clauses = 0;
            var s = gen.Manager.Acquire();
            foreach (var q in all)
            {
                var t = ThreadCpu.NowMs();
                var plan = gen.Understanding.Understand(q.Text, tuning);
                understand += (ThreadCpu.NowMs() - t);
                t = ThreadCpu.NowMs();
                var query = LegalSearcher.BuildQuery(plan, new SearchQuery(q.Text), tuning);
                build += (ThreadCpu.NowMs() - t);
                if (query is null) continue;
                clauses += Count(query);
                t = ThreadCpu.NowMs();
                var top = TopScoreDocCollector.Create(40, true);
                s.Search(query, top);
                var td = top.GetTopDocs();
                topOnly += (ThreadCpu.NowMs() - t);
                t = ThreadCpu.NowMs();
                var top2 = TopScoreDocCollector.Create(40, true);
                s.Search(query, MultiCollector.Wrap(top2, new FacetCounter()));
                withFacets += (ThreadCpu.NowMs() - t);
                t = ThreadCpu.NowMs();
                s.CreateNormalizedWeight(query);
                weight += (ThreadCpu.NowMs() - t);
                var textOnly = ((BooleanQuery)query).Clauses[0].Query;
                t = ThreadCpu.NowMs();
                var top3 = TopScoreDocCollector.Create(40, false);
                s.Search(textOnly, MultiCollector.Wrap(top3, new FacetCounter()));
                ooo += (ThreadCpu.NowMs() - t);
                t = ThreadCpu.NowMs();
                foreach (var sd in td.ScoreDocs) s.Doc(sd.Doc);
                stored += (ThreadCpu.NowMs() - t);
                t = ThreadCpu.NowMs();
                searcher.Search(new SearchQuery(q.Text));
                whole += (ThreadCpu.NowMs() - t);
            }
            gen.Manager.Release(s);
            var n = all.Count;
            Console.WriteLine($"round {round}: mean ms per query: understand {understand / n:0.00}, build {build / n:0.00}, score top-40 {topOnly / n:0.00}, score + facets {withFacets / n:0.00}, stored fields {stored / n:0.00}, whole Search {whole / n:0.00}, weight creation {weight / n:0.00}, leaves {s.IndexReader.Leaves.Count}, text-only out-of-order + facets {ooo / n:0.00}; clauses {clauses / (double)n:0}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        index.Dispose();
    }

    private static int Count(Query q) => q switch
    {
        BooleanQuery b => b.Clauses.Sum(c => Count(c.Query)),
        ConstantScoreQuery c => c.Query is null ? 1 : Count(c.Query),
        _ => 1,
    };
}
