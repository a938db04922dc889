using System.Net;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Training.Courses.Media;

/// <summary>A resolved or missing <c>![…](media:slug)</c> embed, replacing Markdig's image.</summary>
public sealed class MediaInline : LeafInline
{
    public MediaRef? Item { get; init; }
    public string Slug { get; init; } = "";
    public string Alt { get; init; } = "";
    public string? Error { get; init; }
}

/// <summary>Writes a player for video and audio (with the captions track), a link that media-pdf.js turns into a pdf.js
/// viewer for PDFs, and, for a missing item, the alt text marked like an unresolved citation.</summary>
public sealed class MediaInlineRenderer : HtmlObjectRenderer<MediaInline>
{
    protected override void Write(HtmlRenderer renderer, MediaInline obj)
    {
        var alt = WebUtility.HtmlEncode(obj.Alt.Length > 0 ? obj.Alt : obj.Slug);
        if (obj.Item is not { } item)
        {
            renderer.Write("<span class=\"media-missing\" title=\"").Write(WebUtility.HtmlEncode(obj.Error ?? "Thiếu tệp")).Write("\">")
                .Write(alt).Write("</span>");
            return;
        }
        var url = WebUtility.HtmlEncode(item.Url);
        switch (item.Kind)
        {
            case MediaKind.Video or MediaKind.Audio:
                var tag = item.Kind == MediaKind.Video ? "video" : "audio";
                renderer.Write('<').Write(tag).Write(" class=\"media-").Write(tag).Write("\" controls=\"\" preload=\"metadata\" title=\"").Write(alt)
                    .Write("\" src=\"").Write(url).Write("\">");
                if (item.CaptionsBlobKey is not null)
                    renderer.Write("<track kind=\"captions\" srclang=\"vi\" label=\"Tiếng Việt\" default=\"\" src=\"").Write(WebUtility.HtmlEncode(item.CaptionsUrl)).Write("\" />");
                renderer.Write("<a href=\"").Write(url).Write("\">").Write(alt).Write("</a></").Write(tag).Write('>');
                break;
            case MediaKind.Pdf:
                renderer.Write("<a class=\"media-pdf\" href=\"").Write(url).Write("\">").Write(alt).Write(" (PDF)</a>");
                break;
            default:
                renderer.Write("<img src=\"").Write(url).Write("\" alt=\"").Write(alt).Write("\" />");
                break;
        }
    }
}

/// <summary>What resolving a lesson's references found.</summary>
public sealed record MediaResolution(IReadOnlyList<(string Slug, string Error, int Line)> Missing, IReadOnlyList<Guid> Videos)
{
    public static readonly MediaResolution None = new([], []);
}

/// <summary>Resolves a parsed lesson's <c>media:</c> references against its course's library, as citations are resolved
/// against the legal library: embeds become <see cref="MediaInline"/>, plain links point at the file, a missing name is
/// reported with its line.</summary>
public sealed class MediaLinkResolver(MediaLibrary library)
{
    public async Task<MediaResolution> ResolveAsync(MarkdownDocument document, Guid courseId, CancellationToken ct)
    {
        var links = MediaReferences.Links(document).ToList();
        if (links.Count == 0) return MediaResolution.None;
        var media = await library.GetCourseAsync(courseId, ct);
        var missing = new List<(string, string, int)>();
        var videos = new List<Guid>();
        foreach (var link in links)
        {
            var slug = MediaReferences.SlugOf(link.Url)!;
            media.BySlug.TryGetValue(slug, out var item);
            var error = item is null ? $"Thư viện của khóa học không có tệp «{slug}»: hãy tải tệp lên hoặc sửa tên tham chiếu." : null;
            if (error is not null) missing.Add((slug, error, link.Line + 1));
            if (!link.IsImage && item is not null)
            {
                link.Url = item.Url;
                continue;
            }
            if (item is { Kind: MediaKind.Video }) videos.Add(item.Id);
            var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            link.ReplaceBy(new MediaInline { Item = item, Slug = slug, Alt = alt, Error = error, Line = link.Line, Column = link.Column, Span = link.Span }, copyChildren: false);
        }
        return new MediaResolution(missing, videos);
    }
}
