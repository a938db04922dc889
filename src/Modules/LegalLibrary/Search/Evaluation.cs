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
        var times = new List<double>(queries.Count);
        var ranks = new List<int>(queries.Count);
        foreach (var q in queries)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            ranks.Add(Rank(searcher, q, stripDiacritics, tuning));
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return Metrics(ranks) with { P50Ms = Percentile(times, 0.5), P95Ms = Percentile(times, 0.95) };
    }

    /// <summary>Rank (1–10) of the first gold article among the top 10 hits; 0 when none is there.</summary>
    public static int Rank(LegalSearcher searcher, EvalQuery q, bool stripDiacritics, SearchTuning? tuning = null)
    {
        var text = stripDiacritics ? VietnameseText.Fold(q.Text) : q.Text;
        var hits = searcher.Search(new SearchQuery(text, PageSize: 10, Facets: false), tuning).Hits;
        for (var i = 0; i < hits.Count; i++)
            if (q.Relevant.Any(r => r.LawId == hits[i].LawId && r.ArticleId == hits[i].AlqacArticleId)) return i + 1;
        return 0;
    }

    /// <summary>R@1/5/10 and MRR@10 of a list of ranks (0 = not in the top 10).</summary>
    public static EvalMetrics Metrics(IReadOnlyCollection<int> ranks)
    {
        double r1 = 0, r5 = 0, r10 = 0, mrr = 0;
        foreach (var rank in ranks)
        {
            if (rank == 1) r1++;
            if (rank is > 0 and <= 5) r5++;
            if (rank is > 0 and <= 10) { r10++; mrr += 1.0 / rank; }
        }
        var n = Math.Max(1, ranks.Count);
        return new EvalMetrics(ranks.Count, r1 / n, r5 / n, r10 / n, mrr / n, 0, 0);
    }

    /// <summary>The cross-validation fold (0..k-1) of a query: a stable hash of its id (FNV-1a), so the bench, the
    /// regression test and any later run split the questions the same way.</summary>
    public static int Fold(EvalQuery q, int k)
    {
        var hash = 2166136261u;
        foreach (var c in q.Id.ToString()) hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)k);
    }

    public static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
