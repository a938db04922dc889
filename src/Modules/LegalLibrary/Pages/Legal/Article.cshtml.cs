using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Citations;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Pages.Legal;

// Public: everyone reads the legal library.
[AllowAnonymous]
public sealed class ArticleModel(LegalLibraryReader reader, TimeProvider clock, IServiceProvider services) : PageModel
{
    public LegalArticle Article { get; private set; } = null!;
    public LegalDocument Doc => Article.Document!;
    public ArticleBody.Structure Body { get; private set; } = null!;
    public ValidityStatus Status { get; private set; }
    public LegalDocument? Replacement { get; private set; }
    public LegalArticle? Previous { get; private set; }
    public LegalArticle? Next { get; private set; }
    /// <summary>The law article a pháp điển article was taken from, when it is in the library.</summary>
    public LegalArticle? Source { get; private set; }
    /// <summary>Pháp điển articles that repeat this one.</summary>
    public List<LegalArticle> Copies { get; private set; } = [];
    public IReadOnlyList<CitingLesson> Lessons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string doc, string key, CancellationToken ct)
    {
        var a = await reader.ArticleAsync(doc, key, ct);
        if (a is null) return NotFound();
        Article = a;
        Body = ArticleBody.Parse(a.Body);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Status = Import.IndexSource.StatusOf(a.Document!, a, today);
        var replacedBy = a.SourceNumber is not null ? KnownDocuments.ReplacementOf(a.SourceNumber)?.ReplacedBy : a.Document!.ReplacedBy;
        if (replacedBy is not null) Replacement = await reader.DocumentByNumberAsync(replacedBy, ct);
        (Previous, Next) = await reader.NeighboursAsync(a, ct);
        if (a.SourceNumber is not null && a.SourceArticle is not null)
        {
            var sourceDoc = await reader.DocumentByNumberAsync(a.SourceNumber, ct);
            if (sourceDoc is not null) Source = await reader.ArticleAsync(sourceDoc.Slug, TextLines.Key("dieu", a.SourceArticle), ct);
        }
        else if (a.Document!.Number.Length > 0)
        {
            Copies = (await reader.CopiesOfAsync(a.Document.Number, a.Number, ct)).Where(c => c.Id != a.Id).ToList();
        }
        // Lessons come from the Courses module when it is installed.
        foreach (var source in services.GetServices<ICitingLessonSource>())
            Lessons = [.. Lessons, .. await source.GetLessonsCitingAsync(LegalLibraryReader.ArticleKey(a.Document!.Slug, a.Key), ct)];
        return Page();
    }
}
