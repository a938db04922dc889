using System.Net;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;
using Training.Abstractions.Citations;

namespace Training.Courses.Markdown;

/// <summary>A citation written <c>[[Luật An ninh mạng, Điều 8]]</c>. Its resolution is set after parsing.</summary>
public sealed class CitationInline : LeafInline
{
    public string Text { get; init; } = "";
    public CitationResult? Result { get; set; }
    public bool ForAuthor { get; set; }
}

/// <summary>Parses <c>[[...]]</c> before Markdig's link parser sees the brackets.</summary>
public sealed class CitationParser : InlineParser
{
    public CitationParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[') return false;
        var start = slice.Start;
        var close = slice.Text.IndexOf("]]", start + 2, StringComparison.Ordinal);
        if (close < 0 || close > slice.End) return false;
        var text = slice.Text.Substring(start + 2, close - start - 2).Trim();
        if (text.Length is 0 or > 300 || text.Contains('\n') || text.Contains('[')) return false;
        processor.Inline = new CitationInline
        {
            Text = text,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close + 1)),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}

/// <summary>Resolved: a link to the article. Unresolved: the original text, marked, never dropped.</summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline obj)
    {
        var r = obj.Result;
        if (r is { Resolved: true, Url: not null })
        {
            renderer.Write("<a class=\"citation\" href=\"").Write(WebUtility.HtmlEncode(r.Url)).Write("\" title=\"")
                .Write(WebUtility.HtmlEncode(r.Title ?? "")).Write("\">")
                .Write(WebUtility.HtmlEncode(r.Label ?? obj.Text)).Write("</a>");
            return;
        }
        var title = obj.ForAuthor ? (r?.Error ?? "Không tra được trích dẫn") : "Trích dẫn chưa xác định được văn bản";
        renderer.Write("<span class=\"citation citation-unresolved\" title=\"").Write(WebUtility.HtmlEncode(title)).Write("\">")
            .Write(WebUtility.HtmlEncode(obj.Text)).Write("</span>");
    }
}

public sealed class CitationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationParser>()) pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationRenderer>()) html.ObjectRenderers.Insert(0, new CitationRenderer());
    }
}
