using System.Text.Encodings.Web;
using System.Text.Json;
using Training.Platform.Text;

namespace Training.LegalLibrary.Search;

/// <summary>A line of an evaluation file: <c>{"id", "text", "relevant": [{"law_id", "article_id"}]}</c>.</summary>
public sealed record EvalQuery(JsonElement Id, string Text, IReadOnlyList<(string LawId, string ArticleId)> Relevant)
{
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<EvalQuery> Read(string path)
    {
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            JsonElement root;
            try { root = JsonDocument.Parse(line).RootElement; }
            catch (JsonException ex) { throw new FormatException($"{path}:{lineNo}: malformed JSON ({ex.Message})"); }
            var relevant = root.TryGetProperty("relevant", out var rel) && rel.ValueKind == JsonValueKind.Array
                ? rel.EnumerateArray().Select(r => (r.GetProperty("law_id").ToString(), r.GetProperty("article_id").ToString())).ToList()
                : [];
            yield return new EvalQuery(root.GetProperty("id").Clone(), root.GetProperty("text").GetString() ?? "", relevant);
        }
    }
}

public sealed record EvalMetrics(int Queries, double R1, double R5, double R10, double Mrr10, double P50Ms, double P95Ms)
{
    public override string ToString() => $"R@1 {R1:0.000}  R@5 {R5:0.000}  R@10 {R10:0.000}  MRR@10 {Mrr10:0.000}  (n={Queries}, p50 {P50Ms:0.00} ms, p95 {P95Ms:0.00} ms)";
}

/// <summary>Recall at 1/5/10 (any gold article in the top k) and MRR@10, for queries as written or with diacritics stripped.</summary>
public static class Evaluator
{
    public static EvalMetrics Run(LegalSearcher searcher, IReadOnlyList<EvalQuery> queries, bool stripDiacritics, SearchTuning? tuning = null)
    {
        double r1 = 0, r5 = 0, r10 = 0, mrr = 0;
        var times = new List<double>(queries.Count);
        foreach (var q in queries)
        {
            var text = stripDiacritics ? VietnameseText.Fold(q.Text) : q.Text;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var hits = searcher.Search(new SearchQuery(text, PageSize: 10, Facets: false), tuning).Hits;
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var rank = 0;
            for (var i = 0; i < hits.Count && rank == 0; i++)
                if (q.Relevant.Any(r => r.LawId == hits[i].LawId && r.ArticleId == hits[i].AlqacArticleId)) rank = i + 1;
            if (rank == 1) r1++;
            if (rank is > 0 and <= 5) r5++;
            if (rank is > 0 and <= 10) { r10++; mrr += 1.0 / rank; }
        }
        times.Sort();
        var n = Math.Max(1, queries.Count);
        return new EvalMetrics(queries.Count, r1 / n, r5 / n, r10 / n, mrr / n, Percentile(times, 0.5), Percentile(times, 0.95));
    }

    public static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
