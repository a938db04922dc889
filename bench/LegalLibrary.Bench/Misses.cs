using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Bench;

/// <summary>The dev queries whose gold article is not in the top 10, with the gold's rank (up to 200), the query plan
/// and the top hits, to see what kind of mistake the method makes.</summary>
internal static class Misses
{
    public static void Run(string corpus, List<EvalQuery> queries, string work, SearchTuning? tuning = null)
    {
        var (docs, articles) = Library.Load(corpus);
        var (index, searcher, _) = Library.BuildIndex(work, docs, articles);
        var byId = articles.ToDictionary(a => a.Id);
        var docById = docs.ToDictionary(d => d.Id);
        string Describe(int id) => byId.TryGetValue(id, out var a) ? $"{docById[a.DocumentId].Slug}/{a.Key} «{a.Title}»" : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var strip in new[] { false, true })
        {
            var missed = 0;
            foreach (var q in queries)
            {
                var text = strip ? VietnameseText.Fold(q.Text) : q.Text;
                var outcome = searcher.Search(new SearchQuery(text, PageSize: 100, Facets: false), tuning);
                var hits = outcome.Hits;
                var rank = hits.ToList().FindIndex(h => q.Relevant.Any(r => r.LawId == h.LawId && r.ArticleId == h.AlqacArticleId)) + 1;
                if (rank is > 0 and <= 10) continue;
                missed++;
                var gold = q.Relevant.Select(r => articles.FirstOrDefault(a => a.AlqacArticleId == r.ArticleId && docById[a.DocumentId].AlqacLawId == r.LawId)).Where(a => a is not null).Select(a => Describe(a!.Id));
                Console.WriteLine($"[{(strip ? "stripped" : "written")}] {q.Id}: rank {(rank == 0 ? ">100" : rank.ToString(System.Globalization.CultureInfo.InvariantCulture))}  {text}");
                Console.WriteLine($"   gold: {string.Join("; ", gold)}");
                Console.WriteLine($"   named: {outcome.Plan?.NamedDocument ?? "-"}; restored: {(outcome.Plan?.Restored is { } r ? string.Join(' ', r) : "-")}");
                foreach (var h in hits.Take(3)) Console.WriteLine($"   hit {h.Score:0.0}: {Describe(h.ArticleId)}");
            }
            Console.WriteLine($"{(strip ? "stripped" : "written")}: {missed} misses of {queries.Count}");
        }
        index.Dispose();
    }
}
