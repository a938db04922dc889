using Microsoft.Extensions.Logging.Abstractions;
using Training.Abstractions.Hosting;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Import;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Search;

/// <summary>Search quality must not drop: one held-out fold (fold 0 of the bench's 5-fold split, 182 questions of
/// ../shared/eval) over the real corpus, with floors a little under the measured figures (written 0.931 / R@10 0.984,
/// stripped 0.930 / 0.978 when set). Runs in ./test.sh; it needs ../shared beside the repository, as CI has it.</summary>
public sealed class SearchQualityRegressionTests
{
    private const double MrrFloor = 0.90;
    private const double RecallFloor = 0.96;

    [Fact]
    public void HeldOutFoldKeepsItsQualityWrittenAndWithoutDiacritics()
    {
        var root = CorpusLocator.RepositoryRoot(AppContext.BaseDirectory);
        var shared = Path.Combine(root, "..", "shared");
        Assert.True(Directory.Exists(Path.Combine(shared, "corpus")), $"The legal corpus is missing: {shared} must sit beside the repository (see README).");
        var queries = EvalQuery.Read(Path.Combine(shared, "eval", "dev-queries.jsonl")).Where(q => Evaluator.Fold(q, 5) == 0).ToList();
        Assert.InRange(queries.Count, 150, 250);

        var work = Path.Combine(Path.GetTempPath(), "legal-quality-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new LegalIndex(new TrainingPaths(work), NullLogger<LegalIndex>.Instance);
            var (docs, articles) = InMemoryLibrary.Load(Path.Combine(shared, "corpus"));
            var (entries, catalog) = IndexSource.Build(docs, articles, new DateOnly(2026, 11, 22));
            index.Activate(index.Build(entries, catalog));
            var searcher = new LegalSearcher(index);

            var written = Evaluator.Run(searcher, queries, stripDiacritics: false);
            var stripped = Evaluator.Run(searcher, queries, stripDiacritics: true);
            Assert.True(written.Mrr10 >= MrrFloor && written.R10 >= RecallFloor, $"as written: {written}");
            Assert.True(stripped.Mrr10 >= MrrFloor && stripped.R10 >= RecallFloor, $"without diacritics: {stripped}");
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }
}
