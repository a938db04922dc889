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

        using var library = new StandaloneIndex(Path.Combine(shared, "corpus"));
        var written = Evaluator.Run(library.Searcher, queries, stripDiacritics: false);
        var stripped = Evaluator.Run(library.Searcher, queries, stripDiacritics: true);
        Assert.True(written.Mrr10 >= MrrFloor && written.R10 >= RecallFloor, $"as written: {written}");
        Assert.True(stripped.Mrr10 >= MrrFloor && stripped.R10 >= RecallFloor, $"without diacritics: {stripped}");
    }
}
