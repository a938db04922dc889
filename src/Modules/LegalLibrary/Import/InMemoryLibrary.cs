using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Import;

/// <summary>A corpus as the importer would store it (ids assigned in memory), without a database: for the bench and
/// the search-quality regression test, which index the real corpus without a site.</summary>
internal static class InMemoryLibrary
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

}
