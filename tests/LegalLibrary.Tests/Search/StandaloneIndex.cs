using Microsoft.Extensions.Logging.Abstractions;
using Training.Abstractions.Hosting;
using Training.LegalLibrary.Import;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Search;

/// <summary>A library index built from a corpus folder without a site or a database (in a temporary folder removed on
/// dispose), for tests that look at the search itself.</summary>
internal sealed class StandaloneIndex : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "legal-index-" + Guid.NewGuid().ToString("N"));
    private readonly List<IndexEntry> _entries;
    private readonly List<NamedDocument> _catalog;

    public StandaloneIndex(string corpus)
    {
        Index = new LegalIndex(new TrainingPaths(_work), NullLogger<LegalIndex>.Instance);
        var (docs, articles) = InMemoryLibrary.Load(corpus);
        (_entries, _catalog) = IndexSource.Build(docs, articles, new DateOnly(2026, 11, 22));
        Rebuild();
        Searcher = new LegalSearcher(Index);
    }

    public LegalIndex Index { get; }
    public LegalSearcher Searcher { get; }

    /// <summary>Build the same library into a new generation and make it live (what an import does).</summary>
    public void Rebuild() => Index.Activate(Index.Build(_entries, _catalog));

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(_work, true); } catch (IOException) { }
    }
}
