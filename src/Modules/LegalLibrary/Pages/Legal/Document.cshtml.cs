using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;
using Training.Platform.Time;

namespace Training.LegalLibrary.Pages.Legal;

// Public: everyone reads the legal library.
[AllowAnonymous]
public sealed class DocumentModel(LegalLibraryReader reader, LegalSearchService search, TimeProvider clock) : PageModel
{
    public const int MaxQuery = 500;

    /// <summary>Text to search for inside this document.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>Article number to jump to ("8", "Điều 8", "3.1.LQ.8").</summary>
    [BindProperty(SupportsGet = true)] public string? Dieu { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int P { get; set; } = 1;

    public LegalDocument Doc { get; private set; } = null!;
    public ValidityView Validity { get; private set; } = null!;
    public SearchPage? Results { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string doc, CancellationToken ct)
    {
        var found = await reader.DocumentAsync(doc, ct);
        if (found is null) return NotFound();
        Doc = found;
        var replacement = found.ReplacedBy is null ? null : await reader.DocumentByNumberAsync(found.ReplacedBy, ct);
        Validity = new ValidityView(found.StatusOn(clock.Today()), found.ReplacedBy, found.ReplacedFrom, replacement);
        if (!string.IsNullOrWhiteSpace(Dieu))
        {
            var number = ArticleNumber(Dieu);
            var article = found.Articles.FirstOrDefault(a => string.Equals(a.Number, number, StringComparison.OrdinalIgnoreCase));
            if (article is not null) return Redirect(LegalLibraryReader.ArticleUrl(found.Slug, article.Key));
            Error = $"Văn bản này không có Điều {number}.";
        }
        else if (Q is { Length: > MaxQuery })
        {
            Error = $"Nội dung cần tìm quá dài (tối đa {MaxQuery} ký tự).";
        }
        else if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await search.SearchAsync(Q, null, null, null, null, P, ct, document: found.Slug);
        }
        return Page();
    }

    /// <summary>"Điều 8", "điều 8.", " 8 " → "8" (the number as the document writes it).</summary>
    public static string ArticleNumber(string text)
    {
        var t = Training.Platform.Text.VietnameseText.Clean(text).Trim().TrimEnd('.');
        foreach (var prefix in new[] { "điều", "dieu" })
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) t = t[prefix.Length..].Trim();
        return t.Length > 50 ? t[..50] : t;
    }

    public string PageLink(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(LegalLibraryReader.DocumentUrl(Doc.Slug),
            new Dictionary<string, string?> { ["q"] = Q, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
