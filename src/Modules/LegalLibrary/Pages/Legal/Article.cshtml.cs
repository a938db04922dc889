using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Citations;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;
using Training.Platform.Time;

namespace Training.LegalLibrary.Pages.Legal;

// Public: everyone reads the legal library.
[AllowAnonymous]
public sealed class ArticleModel(LegalLibraryReader reader, TimeProvider clock, IServiceProvider services) : PageModel
{
    public LegalArticle Article { get; private set; } = null!;
    public LegalDocument Doc => Article.Document!;
    public ArticleBody.Structure Body { get; private set; } = null!;
    public ValidityView Validity { get; private set; } = null!;
    public LegalArticle? Previous { get; private set; }
    public LegalArticle? Next { get; private set; }
    /// <summary>The law article a pháp điển article was taken from, when it is in the library.</summary>
    public LegalArticle? Source { get; private set; }
    /// <summary>Pháp điển articles that repeat this one.</summary>
    public List<LegalArticle> Copies { get; private set; } = [];
    public IReadOnlyList<CitingLesson> Lessons { get; private set; } = [];
    /// <summary>The article of the replacing document that covers what this one did, when the library has it.</summary>
    public LegalArticle? Successor { get; private set; }

    /// <summary>The candidate whose title shares most words with the article's (at least half of the larger title's
    /// words, compared without diacritics); a tie goes to the same article number. Replacing laws renumber their
    /// articles, so titles, not numbers, say which article took over.</summary>
    public static LegalArticle? Corresponding(LegalArticle article, IReadOnlyList<LegalArticle> candidates)
    {
        static HashSet<string> Words(string title) => [.. Search.QueryUnderstanding.Tokenize(Search.Folding.Fold(title))];
        var words = Words(article.Title);
        if (words.Count == 0) return null;
        return candidates
            .Select(c => (Article: c, Words: Words(c.Title)))
            .Select(c => (c.Article, Score: c.Words.Count == 0 ? 0 : words.Intersect(c.Words).Count() / (double)Math.Max(words.Count, c.Words.Count)))
            .Where(c => c.Score >= 0.5)
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Article.SourceArticle == (article.SourceArticle ?? article.Number))
            .Select(c => c.Article).FirstOrDefault();
    }

    public async Task<IActionResult> OnGetAsync(string doc, string key, CancellationToken ct)
    {
        var a = await reader.ArticleAsync(doc, key, ct);
        if (a is null) return NotFound();
        Article = a;
        Body = ArticleBody.Parse(a.Body);
        var today = clock.Today();
        // A pháp điển article is replaced when the document it was taken from is.
        var sourceReplacement = a.SourceNumber is null ? null : KnownDocuments.ReplacementOf(a.SourceNumber);
        var (replacedBy, replacedFrom) = a.SourceNumber is not null ? (sourceReplacement?.ReplacedBy, sourceReplacement?.From) : (a.Document!.ReplacedBy, a.Document.ReplacedFrom);
        LegalDocument? replacement = null;
        if (replacedBy is not null)
        {
            replacement = await reader.DocumentByNumberAsync(replacedBy, ct);
            Successor = Corresponding(a, await reader.ArticlesOfNumberAsync(replacedBy, ct));
        }
        Validity = new ValidityView(Import.IndexSource.StatusOf(a.Document!, a, today), replacedBy, replacedFrom, replacement);
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
        // Lessons come from the Courses module when it is installed. A lesson citing the law article also cites its
        // pháp điển copies (and the other way round): a citation resolves to one of them only.
        var keys = new[] { a }.Concat(Copies).Append(Source).OfType<LegalArticle>()
            .Select(x => LegalLibraryReader.ArticleKey(x.Document?.Slug ?? a.Document!.Slug, x.Key)).Distinct().ToList();
        var lessons = new List<CitingLesson>();
        foreach (var source in services.GetServices<ICitingLessonSource>())
            foreach (var cited in keys) lessons.AddRange(await source.GetLessonsCitingAsync(cited, ct));
        Lessons = lessons.DistinctBy(l => l.Url).ToList();
        return Page();
    }
}
