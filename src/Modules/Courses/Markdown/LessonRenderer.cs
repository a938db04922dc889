using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.Courses.Media;

namespace Training.Courses.Markdown;

/// <summary>A citation that did not resolve, shown to authors.</summary>
public sealed record CitationProblem(string Text, string Error, int Line);

/// <summary>A rendered lesson. <see cref="Error"/> is set (and <see cref="Html"/> empty) when the Markdown is refused:
/// too long or nested too deep.</summary>
public sealed record RenderedLesson(string Html, IReadOnlyList<CitationProblem> Problems, IReadOnlyList<string> ArticleKeys, string? Error = null)
{
    /// <summary><c>media:</c> references the course's library does not have (an error: publication refuses them).</summary>
    public IReadOnlyList<CitationProblem> MediaProblems { get; init; } = [];

    /// <summary>The library videos the lesson plays; watching them completes the lesson.</summary>
    public IReadOnlyList<Guid> Videos { get; init; } = [];

    public static RenderedLesson Refused(string error) => new("", [], [], error);
}

/// <summary>Markdown to safe HTML: limits first (<see cref="MarkdownLimits"/>), then Markdig (tables, heading anchors,
/// footnotes, images, citations), then the lesson sanitiser.
/// Results are cached by content hash, so an edit (new hash) is never served stale; entries expire after 10 minutes
/// so citations resolve once the legal library has the article. A refresh (the library changed; handled on one node by
/// the outbox) drops the lesson's renderings on every node through <see cref="IClusterEvents"/>.</summary>
public sealed class LessonRenderer(IServiceProvider services, IMemoryCache cache, LessonRenderings renderings)
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseEmphasisExtras()
        .UseListExtras()
        .Use<CitationExtension>()
        .Build();

    public static string Hash(string markdown) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markdown)))[..32];

    /// <param name="courseId">The course whose media library resolves <c>media:</c> references; a rendering that has any is
    /// cached per course and library state (<see cref="MediaLibrary"/>), so an upload is seen at once.</param>
    public async Task<RenderedLesson> RenderAsync(string markdown, bool forAuthor, string? hash = null, CancellationToken ct = default, Guid? courseId = null)
    {
        var key = LessonRenderings.Key(forAuthor, await IdentityAsync(markdown, hash, courseId, ct));
        if (cache.TryGetValue(key, out RenderedLesson? cached) && cached is not null) return cached;
        var result = await RenderCoreAsync(markdown, forAuthor, courseId, ct);
        cache.Set(key, result, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10), Size = result.Html.Length + 64 });
        return result;
    }

    /// <summary>Renders again without the cache (the legal library changed: citations may resolve differently now)
    /// and replaces the cached learner and author renderings.</summary>
    public async Task<RenderedLesson> RefreshAsync(string markdown, string? hash = null, CancellationToken ct = default, Guid? courseId = null)
    {
        hash ??= Hash(markdown);
        var identity = await IdentityAsync(markdown, hash, courseId, ct);
        renderings.Drop(identity);
        var rendered = await RenderAsync(markdown, forAuthor: false, hash, ct, courseId);
        // Other nodes render it again on their next request.
        await renderings.DropEverywhereElseAsync(identity, ct);
        return rendered;
    }

    /// <summary>What a cached rendering is keyed on: the Markdown's hash and, when it references media, the course and the
    /// state of its media library (an upload changes the stamp, so the next request renders again).</summary>
    private async Task<string> IdentityAsync(string markdown, string? hash, Guid? courseId, CancellationToken ct)
    {
        var identity = hash ?? Hash(markdown);
        if (courseId is { } cid && markdown.Contains(MediaReferences.Scheme, StringComparison.OrdinalIgnoreCase))
            identity += $":{cid:N}:{(await services.GetRequiredService<MediaLibrary>().GetCourseAsync(cid, ct)).Stamp}";
        return identity;
    }

    private async Task<RenderedLesson> RenderCoreAsync(string markdown, bool forAuthor, Guid? courseId, CancellationToken ct)
    {
        if (MarkdownLimits.Check(markdown) is { } refused) return RenderedLesson.Refused(refused);
        MarkdownDocument document;
        HashSet<string> headingIds;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
            headingIds = HeadingAnchors.Assign(document);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit ("too deeply nested"), for whatever the pre-check lets through.
            return RenderedLesson.Refused(TooDeep);
        }
        var resolver = services.GetService<ICitationResolver>();
        var problems = new List<CitationProblem>();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var resolved = new Dictionary<string, CitationResult>(StringComparer.Ordinal);
        foreach (var citation in document.Descendants<CitationInline>())
        {
            if (!resolved.TryGetValue(citation.Text, out var result))
            {
                result = resolver is null
                    ? CitationResult.Fail("Thư viện pháp luật chưa sẵn sàng: không tra được trích dẫn.")
                    : await SafeResolveAsync(resolver, citation.Text, ct);
                resolved[citation.Text] = result;
            }
            citation.Result = result;
            citation.ForAuthor = forAuthor;
            if (result is { Resolved: true, Url: not null })
            {
                if (result.ArticleKey is { Length: > 0 } k) keys.Add(k);
            }
            else
            {
                problems.Add(new CitationProblem(citation.Text, result.Error ?? "Không tra được trích dẫn.", citation.Line + 1));
            }
        }
        var media = courseId is { } course
            ? await services.GetRequiredService<MediaLinkResolver>().ResolveAsync(document, course, ct)
            : MediaResolution.None;
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Insert(0, new MediaInlineRenderer());
        try
        {
            renderer.Render(document);
        }
        catch (ArgumentException)
        {
            return RenderedLesson.Refused(TooDeep);
        }
        writer.Flush();
        return new RenderedLesson(LessonSanitizer.Sanitize(writer.ToString(), headingIds), problems, keys.ToList())
        {
            MediaProblems = media.Missing.Select(m => new CitationProblem("media:" + m.Slug, m.Error, m.Line)).ToList(),
            Videos = media.Videos,
        };
    }

    private const string TooDeep = "Nội dung lồng nhau quá sâu (trích dẫn, danh sách, liên kết hoặc chữ nhấn mạnh): hãy tách bớt các cấp lồng nhau.";

    private static async Task<CitationResult> SafeResolveAsync(ICitationResolver resolver, string text, CancellationToken ct)
    {
        try
        {
            return await resolver.ResolveAsync(text, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CitationResult.Fail("Lỗi khi tra trích dẫn: " + ex.Message);
        }
    }
}
