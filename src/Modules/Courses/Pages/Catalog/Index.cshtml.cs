using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.Services;
using Training.Abstractions.Text;
using Training.Platform.Text;

namespace Training.Courses.Pages.Catalog;

/// <summary>The public catalogue of published courses, with search and filters (served from the cache).</summary>
[AllowAnonymous]
public sealed class IndexModel(CourseCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public const int PageSize = 24;
    public int Total { get; private set; }
    public int Pages => (Total + PageSize - 1) / PageSize;

    public IReadOnlyList<CatalogItem> Items { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await catalog.GetPublishedAsync(ct);
        Categories = all.Select(c => c.Category).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        IEnumerable<CatalogItem> items = all;
        if (!string.IsNullOrWhiteSpace(Category)) items = items.Where(c => c.Category == Category);
        if (Q is { Length: > TextLimits.Line })
        {
            Error = FieldErrors.TooLong("Tìm khóa học", Q.Length, TextLimits.Line);
            Q = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var terms = VietnameseText.Fold(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            items = items.Where(c => terms.All(t => c.SearchText.Contains(t, StringComparison.Ordinal)));
        }
        var list = items as IList<CatalogItem> ?? items.ToList();
        Total = list.Count;
        P = Math.Clamp(P, 1, Math.Max(1, Pages));
        Items = list.Skip((P - 1) * PageSize).Take(PageSize).ToList();
    }
}
