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
    public static (List<LegalDocument> Docs, List<LegalArticle> Articles) Load(string corpus, Func<ParsedDocument, bool>? filter = null)
    {
        var parsed = CorpusReader.Read(corpus).Where(filter ?? (_ => true)).ToList();
        var docs = new List<LegalDocument>();
        var articles = new List<LegalArticle>();
        foreach (var p in parsed)
        {
            var r = KnownDocuments.ReplacementOf(p.Number);
            var d = new LegalDocument
            {
                Id = docs.Count + 1, Slug = p.Slug, Number = p.Number, Type = p.Type, Title = p.Title, Issuer = p.Issuer, IssueDate = p.IssueDate,
                Format = p.Format, AlqacLawId = p.AlqacLawId, ReplacedBy = r?.ReplacedBy, ReplacedFrom = r?.From, Ordinal = docs.Count,
            };
            docs.Add(d);
            var ordinal = 0;
            foreach (var a in p.Articles)
                articles.Add(new LegalArticle
                {
                    Id = articles.Count + 1, DocumentId = d.Id, Key = a.Key, Number = a.Number, Title = a.Title, Body = a.Body, Path = a.Path,
                    SourceNote = a.SourceNote, SourceNumber = a.SourceNumber, SourceArticle = a.SourceArticle, SourceTitle = a.SourceTitle,
                    AlqacArticleId = a.AlqacArticleId, Ordinal = ordinal++,
                });
        }
        return (docs, articles);
    }

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
