using Microsoft.Extensions.Logging.Abstractions;
using Training.Abstractions.Hosting;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Import;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Bench;

/// <summary>The corpus as the importer would store it (ids assigned in memory), without a database.</summary>
internal static class Library
{
    public static (List<LegalDocument> Docs, List<LegalArticle> Articles) Load(string corpus, Func<ParsedDocument, bool>? filter = null) =>
        InMemoryLibrary.Load(corpus, filter);

    public static (LegalIndex Index, LegalSearcher Searcher, TimeSpan Build) BuildIndex(string work, List<LegalDocument> docs, List<LegalArticle> articles, Action<string>? progress = null)
    {
        var index = new LegalIndex(new TrainingPaths(work), NullLogger<LegalIndex>.Instance);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (entries, catalog) = IndexSource.Build(docs, articles, new DateOnly(2026, 11, 22));
        progress?.Invoke($"index entries ready at {started.Elapsed.TotalSeconds:0.0} s");
        var folder = index.Build(entries, catalog, progress: progress);
        index.Activate(folder);
        return (index, new LegalSearcher(index), started.Elapsed);
    }
}
