using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Bench;

/// <summary>k-fold cross-validation of the search choices. Every variant runs once on every question (as written and
/// stripped of diacritics); then, for each fold, the variant that does best on the other k−1 folds (mean of written
/// and stripped MRR@10) is "tuned" there and scored on the held-out fold. The held-out folds' mean and spread estimate
/// quality on unseen questions; the per-fold table shows whether a variant helps every fold or only the sum.</summary>
internal static class CrossValidation
{
    public const int K = 5;

    public static void Run(string corpus, List<EvalQuery> queries, string work, IReadOnlyList<(string Name, SearchTuning Tuning)> variants)
    {
        var (docs, articles) = Library.Load(corpus);
        var (index, searcher, build) = Library.BuildIndex(work, docs, articles);
        Console.WriteLine($"library: {articles.Count} articles; index build {build.TotalSeconds:0.0} s; {queries.Count} questions in {K} folds " +
            $"({string.Join(", ", Enumerable.Range(0, K).Select(f => queries.Count(q => Evaluator.Fold(q, K) == f)))})");
        var folds = queries.Select(q => Evaluator.Fold(q, K)).ToArray();
        var ranks = variants.Select(v => (Written: queries.Select(q => Evaluator.Rank(searcher, q, false, v.Tuning)).ToArray(),
            Stripped: queries.Select(q => Evaluator.Rank(searcher, q, true, v.Tuning)).ToArray())).ToArray();

        EvalMetrics On(int[] r, Func<int, bool> take) => Evaluator.Metrics(r.Where((_, i) => take(folds[i])).ToList());
        double Score(int v, Func<int, bool> take) => (On(ranks[v].Written, take).Mrr10 + On(ranks[v].Stripped, take).Mrr10) / 2;

        Console.WriteLine();
        Console.WriteLine("Held-out MRR@10 per fold (written / stripped), and the change against the first variant:");
        Console.WriteLine("| variant | " + string.Join(" | ", Enumerable.Range(0, K).Select(f => $"fold {f}")) + " | all written | all stripped | R@10 w / s | folds improved |");
        Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---|", K + 4)));
        for (var v = 0; v < variants.Count; v++)
        {
            var cells = new List<string>();
            var improved = 0;
            for (var f = 0; f < K; f++)
            {
                var fold = f;
                var w = On(ranks[v].Written, x => x == fold).Mrr10;
                var s = On(ranks[v].Stripped, x => x == fold).Mrr10;
                var delta = Score(v, x => x == fold) - Score(0, x => x == fold);
                if (delta > 0.0005) improved++;
                cells.Add(v == 0 ? $"{w:0.000} / {s:0.000}" : $"{w:0.000} / {s:0.000} ({delta:+0.000;-0.000;0})");
            }
            var aw = Evaluator.Metrics(ranks[v].Written);
            var astr = Evaluator.Metrics(ranks[v].Stripped);
            Console.WriteLine($"| {variants[v].Name} | {string.Join(" | ", cells)} | {aw.Mrr10:0.000} | {astr.Mrr10:0.000} | {aw.R10:0.000} / {astr.R10:0.000} | {(v == 0 ? "—" : $"{improved}/{K}")} |");
        }

        // The tuning procedure itself, cross-validated: choose on k−1 folds, score on the held-out one.
        var heldOut = new List<(string Chosen, EvalMetrics W, EvalMetrics S)>();
        for (var f = 0; f < K; f++)
        {
            var fold = f;
            var best = Enumerable.Range(0, variants.Count).MaxBy(v => Score(v, x => x != fold));
            heldOut.Add((variants[best].Name, On(ranks[best].Written, x => x == fold), On(ranks[best].Stripped, x => x == fold)));
        }
        Console.WriteLine();
        Console.WriteLine("Tuning cross-validated (variant chosen on the other folds, scored on the held-out fold):");
        for (var f = 0; f < K; f++)
            Console.WriteLine($"  fold {f}: chose «{heldOut[f].Chosen}»: written MRR@10 {heldOut[f].W.Mrr10:0.000} R@10 {heldOut[f].W.R10:0.000}; stripped MRR@10 {heldOut[f].S.Mrr10:0.000} R@10 {heldOut[f].S.R10:0.000}");
        Summary("held-out estimate", heldOut.Select(h => h.W).ToList(), heldOut.Select(h => h.S).ToList());
        var product = Enumerable.Range(0, K).Select(f => (W: On(ranks[0].Written, x => x == f), S: On(ranks[0].Stripped, x => x == f))).ToList();
        Summary($"«{variants[0].Name}» per fold", product.Select(p => p.W).ToList(), product.Select(p => p.S).ToList());
        index.Dispose();
    }

    private static void Summary(string label, List<EvalMetrics> written, List<EvalMetrics> stripped)
    {
        static string Stat(IEnumerable<double> values)
        {
            var list = values.ToList();
            var mean = list.Average();
            var sd = Math.Sqrt(list.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, list.Count - 1));
            return $"{mean:0.000} ± {sd:0.000} (min {list.Min():0.000}, max {list.Max():0.000})";
        }
        Console.WriteLine($"{label}: written MRR@10 {Stat(written.Select(m => m.Mrr10))}, R@10 {Stat(written.Select(m => m.R10))}");
        Console.WriteLine($"{new string(' ', label.Length)}  stripped MRR@10 {Stat(stripped.Select(m => m.Mrr10))}, R@10 {Stat(stripped.Select(m => m.R10))}");
    }
}
