using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Api;

public sealed record ApiHit(string Document, string DocumentNumber, string DocumentType, string Article, string Title, string Url, string Snippet, string Status, float Score,
    string? LawId, string? ArticleId);

public sealed record ApiFacet(string Value, string Label, int Count);

public sealed record ApiSearchResponse(bool Ready, string Query, int Total, int Page, int Pages, IReadOnlyList<ApiHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<ApiFacet>> Facets, string? NamedDocument);

/// <summary><c>GET /api/legal/search?q=&amp;type=&amp;status=&amp;page=</c>: the search page's results as JSON
/// (snippets are HTML with <c>&lt;mark&gt;</c>, text encoded).</summary>
public static class LegalSearchApi
{
    public const string SearchRoute = "LegalSearch";

    public static IEndpointRouteBuilder MapLegalSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/legal").WithTags("Legal library");
        group.MapGet("/search", SearchAsync).WithName(SearchRoute)
            .WithSummary("Search the legal library (Vietnamese, with or without diacritics)").AllowAnonymous();
        return endpoints;
    }

    public static async Task<Results<Ok<ApiSearchResponse>, BadRequest<string>>> SearchAsync(
        LegalSearchService search, string? q, string? type, string? status, string? issuer, string? year, int? page, CancellationToken ct)
    {
        if (q is { Length: > 500 }) return TypedResults.BadRequest("Câu truy vấn quá dài (tối đa 500 ký tự).");
        var r = await search.SearchAsync(q, type, status, issuer, year, page ?? 1, ct);
        var hits = r.Items.Select(i => new ApiHit(i.DocumentTitle, i.DocumentNumber, i.DocumentType, i.Article, i.ArticleTitle, i.Url, i.SnippetHtml, i.Status, i.Score,
            i.LawId, i.AlqacArticleId)).ToList();
        var facets = r.Facets.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ApiFacet>)kv.Value.Select(v => new ApiFacet(v.Value, v.Label, v.Count)).ToList());
        return TypedResults.Ok(new ApiSearchResponse(r.Ready, r.Query, r.Total, r.Page, r.Pages, hits, facets, r.NamedDocument));
    }
}
