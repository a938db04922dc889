using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.Services;
using Training.Platform.Text;

namespace Training.Courses.Pages.Catalog;

/// <summary>The public catalogue of published courses, with search and filters (served from the cache).</summary>
public sealed class IndexModel(CourseCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }

    public IReadOnlyList<CatalogItem> Items { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await catalog.GetPublishedAsync(ct);
        Categories = all.Select(c => c.Category).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        IEnumerable<CatalogItem> items = all;
        if (!string.IsNullOrWhiteSpace(Category)) items = items.Where(c => c.Category == Category);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var terms = VietnameseText.Fold(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            items = items.Where(c => terms.All(t => c.SearchText.Contains(t, StringComparison.Ordinal)));
        }
        Items = items.Take(500).ToList();
    }
}
