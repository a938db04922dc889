using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Training.Courses.Markdown;

/// <summary>GitHub-style anchors for headings (<c>## Mục tiêu</c> → <c>id="mục-tiêu"</c>), assigned after parsing.
/// Replaces Markdig's AutoIdentifiers extension, which makes duplicates unique in quadratic time (40,000 "# h" lines:
/// 60 s of CPU); here a counter per base id keeps it linear. Ids the page around the lesson uses are never given out.</summary>
internal static class HeadingAnchors
{
    private static readonly string[] PageIds = ["main", "culture", "progress", "title", "markdown", "lesson"];

    /// <summary>Sets the id of every heading and returns the ids given out.</summary>
    public static HashSet<string> Assign(MarkdownDocument document)
    {
        var used = new HashSet<string>(PageIds, StringComparer.Ordinal);
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var baseId = LinkHelper.UrilizeAsGfm(PlainText(heading));
            if (baseId.Length == 0) baseId = "muc";
            var id = baseId;
            var n = next.GetValueOrDefault(baseId);
            while (!used.Add(id)) id = $"{baseId}-{++n}";
            next[baseId] = n;
            heading.GetAttributes().Id = id;
            given.Add(id);
        }
        return given;
    }

    private static string PlainText(HeadingBlock heading)
    {
        if (heading.Inline is null) return "";
        using var writer = new StringWriter();
        // Plain renderer (no pipeline set-up): literal text only, as Markdig's own extension does.
        var renderer = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        renderer.Render(heading.Inline);
        return writer.ToString();
    }
}
