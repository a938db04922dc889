using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Training.Courses.Markdown;

/// <summary>HtmlSanitizer configured for lessons. Lessons may not set <c>class</c> or <c>id</c> themselves (a lesson
/// could otherwise dress a paragraph as the site's own alert banner): only the classes our Markdown extensions emit
/// survive, and only the ids this rendering generated (heading anchors, footnotes).</summary>
internal static partial class LessonSanitizer
{
    /// <summary>Classes written by the citation renderer and Markdig's footnotes, styled by courses.css.</summary>
    public static readonly string[] Classes = ["citation", "citation-unresolved", "footnotes", "footnote-ref", "footnote-back-ref",
        "media-video", "media-audio", "media-pdf", "media-missing"];

    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html, IReadOnlySet<string> headingIds)
    {
        using var document = Sanitizer.SanitizeDom(html);
        foreach (var element in document.Body!.QuerySelectorAll("[id]"))
        {
            var id = element.Id!;
            if (!headingIds.Contains(id) && !FootnoteId().IsMatch(id)) element.RemoveAttribute("id");
        }
        using var writer = new StringWriter();
        WriteChildren(document.Body, writer, Sanitizer.OutputFormatter);
        return writer.ToString();
    }

    /// <summary>Children by index: AngleSharp's <c>NextSibling</c> looks the node up in its parent's child list, so walking
    /// siblings with it is quadratic in their number (24,000 headings: about 1 s).</summary>
    private static void WriteChildren(INode parent, StringWriter writer, IMarkupFormatter formatter)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++) Write(children[i], writer, formatter);
    }

    /// <summary>Serialises like AngleSharp's <c>ToHtml</c> (same formatter, same output), which is quadratic in the
    /// number of siblings (24,000 paragraphs: 3.8 s there).</summary>
    private static void Write(INode node, StringWriter writer, IMarkupFormatter formatter)
    {
        switch (node)
        {
            case IElement element:
                var selfClosing = element.Flags.HasFlag(NodeFlags.SelfClosing);
                writer.Write(formatter.OpenTag(element, selfClosing));
                if (selfClosing) return;
                WriteChildren(element, writer, formatter);
                writer.Write(formatter.CloseTag(element, selfClosing));
                return;
            case ICharacterData text when node.NodeType == NodeType.Text:
                writer.Write(formatter.Text(text));
                return;
            case IComment comment:
                writer.Write(formatter.Comment(comment));
                return;
        }
    }

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAttributes.Add("id");
        s.AllowedAttributes.Add("class");
        s.AllowedAttributes.Add("title");
        foreach (var c in Classes) s.AllowedClasses.Add(c);
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option" }) s.AllowedTags.Remove(tag);
        s.AllowedAttributes.Remove("style");
        // Players written by MediaInlineRenderer for the course's own files (src is still checked as a URL).
        foreach (var tag in new[] { "video", "audio", "track" }) s.AllowedTags.Add(tag);
        foreach (var attribute in new[] { "controls", "preload", "kind", "srclang", "label", "default" }) s.AllowedAttributes.Add(attribute);
        s.AllowedCssProperties.Clear();
        return s;
    }

    /// <summary>Markdig's footnote anchors: <c>fn:1</c> and <c>fnref:1</c>.</summary>
    [GeneratedRegex("^fn(ref)?:[0-9]{1,6}$")]
    private static partial Regex FootnoteId();
}
