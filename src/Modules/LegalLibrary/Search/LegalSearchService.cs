using Microsoft.Extensions.Options;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Import;
using Training.Platform.Time;

namespace Training.LegalLibrary.Search;

/// <summary>A result as pages and the API show it.</summary>
public sealed record SearchResultItem(
    string DocumentTitle, string DocumentSlug, string DocumentType, string DocumentNumber, string Article, string ArticleTitle, string Url,
    string SnippetHtml, string Status, float Score, string? LawId, string? AlqacArticleId);

public sealed record FacetValue(string Value, string Label, int Count);

public sealed record SearchPage(
    bool Ready, bool Importing, string? ImportStep, string Query, IReadOnlyList<SearchResultItem> Items, int Total, int Page, int Pages,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, string? NamedDocument, string? RestoredQuery)
{
    /// <summary>A corrected query ("did you mean") when some syllable is not in the library.</summary>
    public string? Suggestion { get; init; }
}

/// <summary>Search for pages and the API: runs the index search and loads the page's articles for titles and snippets.</summary>
public sealed class LegalSearchService(
    LegalSearcher searcher, LegalLibraryReader reader, ArticleCache cache, ImportStatus status, IOptions<LegalLibraryOptions> options, TimeProvider clock)
{
    public async Task<SearchPage> SearchAsync(string? q, string? type, string? validity, string? issuer, string? year, int page, CancellationToken ct = default,
        string? document = null)
    {
        var text = (q ?? "").Trim();
        var size = options.Value.PageSize;
        page = Math.Max(1, page);
        var empty = new Dictionary<string, IReadOnlyList<FacetValue>>();
        if (text.Length == 0)
            return new SearchPage(searcher.IsReady, status.Running, status.Step, text, [], 0, 1, 0, empty, null, null);
        var outcome = searcher.Search(new SearchQuery(text, type, validity, issuer, year, page, size, Facets: document is null, Document: document));
        if (!outcome.Ready) return new SearchPage(false, status.Running, status.Step, text, [], 0, 1, 0, empty, null, null);
        var articles = await cache.GetAsync(outcome.Generation, outcome.Hits.Select(h => h.ArticleId).ToList(), reader, ct);
        var items = new List<SearchResultItem>();
        var today = clock.Today();
        foreach (var h in outcome.Hits)
        {
            if (!articles.TryGetValue(h.ArticleId, out var a)) continue;
            var d = a.Document!;
            items.Add(new SearchResultItem(d.Title, d.Slug, d.Type, d.Number, a.Number.Length > 0 && char.IsAsciiDigit(a.Number[0]) ? $"Điều {a.Number}" : a.Number,
                a.Title, LegalLibraryReader.ArticleUrl(d.Slug, a.Key), Highlighter.Snippet(a.Body, outcome.Plan),
                StatusKeys.Of(IndexSource.StatusOf(d, a, today)), h.Score, h.LawId, h.AlqacArticleId));
        }
        var facets = outcome.Facets.ToDictionary(kv => kv.Key,
            kv => (IReadOnlyList<FacetValue>)kv.Value.Select(v => new FacetValue(v.Value, kv.Key == "status" ? StatusKeys.Label(v.Value) : v.Value, v.Count))
                .OrderBy(v => kv.Key == "year" ? -int.Parse(v.Value, System.Globalization.CultureInfo.InvariantCulture) : 0).ToList());
        var pages = (int)Math.Ceiling(outcome.Total / (double)size);
        var help = searcher.Help(text);
        return new SearchPage(true, status.Running, status.Step, text, items, outcome.Total, page, Math.Min(pages, 100), facets, outcome.Plan?.NamedDocument, help.Restored)
        {
            Suggestion = help.Suggestion,
        };
    }
}
