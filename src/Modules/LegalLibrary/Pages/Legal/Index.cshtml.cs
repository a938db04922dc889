using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Pages.Legal;

// Public: everyone searches the legal library.
[AllowAnonymous]
public sealed class IndexModel(LegalSearchService search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Issuer { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int P { get; set; } = 1;

    public SearchPage Result { get; private set; } = null!;

    public static readonly (string Key, string Label)[] FacetNames = [("type", "Loại văn bản"), ("status", "Hiệu lực"), ("issuer", "Cơ quan ban hành"), ("year", "Năm")];

    public async Task OnGetAsync(CancellationToken ct) => Result = await search.SearchAsync(Q, Type, Status, Issuer, Year, P, ct);

    public string Selected(string facet) => facet switch { "type" => Type ?? "", "status" => Status ?? "", "issuer" => Issuer ?? "", _ => Year ?? "" };

    /// <summary>The search URL for another query text, with the same filters.</summary>
    public string SearchLink(string q) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/legal", new Dictionary<string, string?> { ["q"] = q, ["type"] = Type, ["status"] = Status, ["issuer"] = Issuer, ["year"] = Year }
            .Where(kv => !string.IsNullOrEmpty(kv.Value)));

    /// <summary>The search URL with one parameter changed (the page resets unless it is the one changed).</summary>
    public string Link(string? facet = null, string? value = null, int page = 1)
    {
        var values = new Dictionary<string, string?> { ["q"] = Q, ["type"] = Type, ["status"] = Status, ["issuer"] = Issuer, ["year"] = Year };
        if (facet is not null) values[facet] = value;
        if (page > 1) values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/legal", values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
