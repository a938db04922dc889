using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Training.LegalLibrary.Import;
using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Bench;

/// <summary>Quality (R@k, MRR@10) of each search choice on the dev queries, the product's latency, and SQLite FTS5
/// (unicode61 remove_diacritics 2) side by side on the same library.</summary>
internal static class Quality
{
    public static void Run(string corpus, List<EvalQuery> queries, string work, bool quick = false)
    {
        var (docs, articles) = Library.Load(corpus);
        var (index, searcher, build) = Library.BuildIndex(Path.Combine(work, "full"), docs, articles);
        Console.WriteLine($"library: {docs.Count} documents, {articles.Count} articles; index build {build.TotalSeconds:0.0} s");

        var baseline = new SearchTuning { Title = 0, Folded = 0, Bigrams = 0, Restore = false, Fillers = false, QueryUnderstanding = false, NotInForceFactor = 1 };
        var variants = new (string Name, SearchTuning Tuning)[]
        {
            ("1 plain BM25 on accented syllables", baseline),
            ("2 + folded field (weight 0.5)", baseline with { Folded = 0.5f }),
            ("3 + syllable bigrams in both fields", baseline with { Folded = 0.5f, Bigrams = 1 }),
            ("4 + question/filler words dropped", baseline with { Folded = 0.5f, Bigrams = 1, Fillers = true }),
            ("5 + query understanding (named law filters)", baseline with { Folded = 0.5f, Bigrams = 1, Fillers = true, QueryUnderstanding = true }),
            ("6 + diacritic restoration", SearchTuning.Default with { Title = 0, Fillers = true }),
            ("7 + article title fields (weight 0.3)", SearchTuning.Default with { Fillers = true }),
            ("8 − filler removal = product", SearchTuning.Default),
            ("8a product, title weight 0.6", SearchTuning.Default with { Title = 0.6f }),
            ("8f product, bigram weight 1.5", SearchTuning.Default with { Bigrams = 1.5f }),
            ("8b product, named law boosts instead of filtering", SearchTuning.Default with { NamedFilters = false }),
            ("8c product, folded weight = accented (no accent preference)", SearchTuning.Default with { Folded = 1 }),
            ("8d product, bigram weight 0.5", SearchTuning.Default with { Bigrams = 0.5f }),
            ("8e product, BM25 k1=0.9 b=0.4", SearchTuning.Default with { K1 = 0.9f, B = 0.4f }),
        };
        Evaluator.Run(searcher, queries.Take(100).ToList(), false); // warm-up
        Console.WriteLine();
        Console.WriteLine("| variant | written R@1 | R@5 | R@10 | MRR@10 | stripped R@1 | R@5 | R@10 | MRR@10 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, tuning) in quick ? variants.Where(v => v.Name.StartsWith("8 ", StringComparison.Ordinal)) : variants)
        {
            var w = Evaluator.Run(searcher, queries, false, tuning);
            var s = Evaluator.Run(searcher, queries, true, tuning);
            Console.WriteLine($"| {name} | {w.R1:0.000} | {w.R5:0.000} | {w.R10:0.000} | **{w.Mrr10:0.000}** | {s.R1:0.000} | {s.R5:0.000} | {s.R10:0.000} | **{s.Mrr10:0.000}** |");
        }

        // Latency of the product: warm, every query once as written and once stripped, single thread.
        var times = new List<double>();
        foreach (var q in queries.Concat(queries.Select(q => q with { Text = VietnameseText.Fold(q.Text) })))
        {
            var t = Stopwatch.GetTimestamp();
            searcher.Search(new SearchQuery(q.Text));
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        times.Sort();
        var luceneP50 = Evaluator.Percentile(times, 0.5);
        var luceneP95 = Evaluator.Percentile(times, 0.95);
        Console.WriteLine();
        Console.WriteLine($"Lucene product latency (with facets, {times.Count} queries): p50 {luceneP50:0.00} ms, p95 {luceneP95:0.00} ms");

        // The laws alone (the README's reference condition).
        var (ldocs, larts) = Library.Load(corpus, d => d.Format == "alqac");
        var (lindex, lsearcher, _) = Library.BuildIndex(Path.Combine(work, "laws"), ldocs, larts);
        Console.WriteLine($"product over corpus/laws only ({larts.Count} articles): written {Evaluator.Run(lsearcher, queries, false)}");
        Console.WriteLine($"                                             stripped {Evaluator.Run(lsearcher, queries, true)}");
        lindex.Dispose();

        Fts5(docs, articles, queries, luceneP50, luceneP95);
        index.Dispose();
    }

    private static void Fts5(List<Data.LegalDocument> docs, List<Data.LegalArticle> articles, List<EvalQuery> queries, double luceneP50, double luceneP95)
    {
        var (entries, _) = IndexSource.Build(docs, articles, new DateOnly(2026, 11, 22));
        var byId = entries.ToDictionary(e => e.ArticleId);
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        Exec(db, "CREATE VIRTUAL TABLE a USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
        var started = Stopwatch.StartNew();
        using (var tx = db.BeginTransaction())
        {
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO a(rowid, text) VALUES ($id, $text)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            foreach (var e in entries)
            {
                id.Value = e.ArticleId;
                text.Value = e.Title + "\n" + e.Body;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        var build = started.Elapsed;
        using var search = db.CreateCommand();
        search.CommandText = "SELECT rowid FROM a WHERE a MATCH $q ORDER BY bm25(a) LIMIT 40";
        var q = search.Parameters.Add("$q", SqliteType.Text);
        Console.WriteLine();
        Console.WriteLine($"SQLite FTS5 (unicode61 remove_diacritics 2, BM25, query syllables OR-ed; copies folded like the product; build {build.TotalSeconds:0.0} s):");
        foreach (var strip in new[] { false, true })
        {
            double r1 = 0, r5 = 0, r10 = 0, mrr = 0;
            var times = new List<double>();
            foreach (var eq in queries)
            {
                var text = strip ? VietnameseText.Fold(eq.Text) : eq.Text;
                var tokens = DiacriticRestorer.Syllables(VietnameseText.Clean(text)).Distinct().Select(t => "\"" + t + "\"").ToList();
                if (tokens.Count == 0) continue;
                q.Value = string.Join(" OR ", tokens);
                var t0 = Stopwatch.GetTimestamp();
                var hits = new List<IndexEntry>();
                using (var reader = search.ExecuteReader())
                    while (reader.Read()) hits.Add(byId[(int)reader.GetInt64(0)]);
                times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                var canon = hits.Select(h => byId[h.CanonicalId]).DistinctBy(h => h.ArticleId).Take(10).ToList();
                var rank = canon.FindIndex(h => eq.Relevant.Any(r => r.LawId == h.LawId && r.ArticleId == h.AlqacArticleId)) + 1;
                if (rank == 1) r1++;
                if (rank is > 0 and <= 5) r5++;
                if (rank is > 0 and <= 10) { r10++; mrr += 1.0 / rank; }
            }
            times.Sort();
            var n = (double)queries.Count;
            var p50 = Evaluator.Percentile(times, 0.5);
            var p95 = Evaluator.Percentile(times, 0.95);
            Console.WriteLine($"  {(strip ? "stripped" : "written ")}: R@1 {r1 / n:0.000} R@5 {r5 / n:0.000} R@10 {r10 / n:0.000} MRR@10 {mrr / n:0.000}; p50 {p50:0.00} ms, p95 {p95:0.00} ms; latency ratio FTS5/Lucene p50 {p50 / luceneP50:0.00}, p95 {p95 / luceneP95:0.00}");
        }
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }
}
