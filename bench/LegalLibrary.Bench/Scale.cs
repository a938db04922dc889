using System.Diagnostics;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;
using Training.Platform.Text;

namespace Training.LegalLibrary.Bench;

/// <summary>Generator: the real library scaled to N articles. Synthetic articles are real ones with a share of their
/// syllables replaced by syllables drawn from the corpus vocabulary (deterministic seed), so postings, vocabulary
/// and lengths grow like a real corpus rather than repeating one text.</summary>
internal static class Scale
{
    public static void Run(string corpus, List<EvalQuery> queries, string work, int target)
    {
        var (docs, articles) = Library.Load(corpus);
        var vocabulary = articles.SelectMany(a => a.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
        var random = new Random(42);
        var generatedDoc = new LegalDocument { Id = docs.Count + 1, Slug = "bench-generated", Title = "Văn bản sinh tự động", Type = "Luật", Format = "alqac" };
        docs.Add(generatedDoc);
        var real = articles.Count;
        for (var i = real; i < target; i++)
        {
            var source = articles[random.Next(real)];
            var words = source.Body.Split(' ');
            for (var w = 0; w < words.Length; w++) if (random.NextDouble() < 0.3) words[w] = vocabulary[random.Next(vocabulary.Length)];
            articles.Add(new LegalArticle
            {
                Id = i + 1, DocumentId = generatedDoc.Id, Key = $"dieu-{i}", Number = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Title = source.Title, Body = string.Join(' ', words), Ordinal = i,
            });
        }
        var chars = articles.Sum(a => (long)a.Body.Length + a.Title.Length);
        Console.WriteLine($"generated: {articles.Count} articles ({chars / 1_000_000.0:0} M characters)");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"load average before the build {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        var (index, searcher, build) = Library.BuildIndex(work, docs, articles, m => Console.WriteLine("  build: " + m));
        Console.WriteLine($"full index build (entries → Lucene, one segment, restorer from the index's terms): {build.TotalSeconds:0.0} s wall, " +
            $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s CPU (both cores); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        articles.Clear();
        GC.Collect();

        Latency.Measure(searcher, queries, $"scaled corpus ({index.ArticleCount} articles)");
        Console.WriteLine($"postings cache after the queries: {index.Current!.Postings.HeldBytes / 1_048_576.0:0} MB (budget {PostingsCache.DefaultBudgetBytes / 1_048_576} MB, started over {index.Current.Postings.Restarts} times)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576} MB");
        index.Dispose();
    }
}
