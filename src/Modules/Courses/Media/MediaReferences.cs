using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Training.Courses.Media;

/// <summary>Finds <c>media:</c> references in a lesson's Markdown.</summary>
public static class MediaReferences
{
    public const string Scheme = "media:";

    /// <summary>The slug of a <c>media:</c> URL, or null for any other URL.</summary>
    public static string? SlugOf(string? url) =>
        url is not null && url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? url[Scheme.Length..].Trim() : null;

    /// <summary>The references of a parsed document.</summary>
    public static IEnumerable<LinkInline> Links(MarkdownDocument document) =>
        document.Descendants<LinkInline>().Where(l => SlugOf(l.Url) is not null);

    /// <summary>Every slug a lesson refers to, embedded or linked.</summary>
    public static IReadOnlySet<string> AllSlugs(string markdown)
    {
        if (!markdown.Contains(Scheme, StringComparison.OrdinalIgnoreCase)) return new HashSet<string>();
        return Links(Markdig.Markdown.Parse(markdown)).Select(l => SlugOf(l.Url)!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The slugs a lesson embeds (<c>![…](media:…)</c>), i.e. the players and images it shows.</summary>
    public static IReadOnlySet<string> Slugs(string markdown)
    {
        if (!markdown.Contains(Scheme, StringComparison.OrdinalIgnoreCase)) return new HashSet<string>();
        var document = Markdig.Markdown.Parse(markdown);
        return Links(document).Where(l => l.IsImage).Select(l => SlugOf(l.Url)!).ToHashSet(StringComparer.Ordinal);
    }
}
