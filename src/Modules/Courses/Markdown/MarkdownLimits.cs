using System.Globalization;
using Training.Abstractions.Text;

namespace Training.Courses.Markdown;

/// <summary>Refuses lesson Markdown that is too long or nested too deep, before Markdig or the HTML sanitiser see it.
/// Markdig throws past its own depth limit (about 128 levels: <c>&gt;</c> × 200 already fails), and some inputs below it
/// cost seconds of CPU (5,000 balanced <c>[</c> levels about 1 s; 40,000 nested <c>&lt;div&gt;</c> about 11 s in the
/// sanitiser). No lesson needs more than a few levels, so the limit is far below both: <see cref="MaxNesting"/>.
/// Hand-written because no served package measures Markdown nesting without parsing it.</summary>
public static class MarkdownLimits
{
    /// <summary>Block quotes and lists per line, unclosed <c>[</c> and raw HTML elements per paragraph.</summary>
    public const int MaxNesting = 32;

    /// <summary>Open emphasis delimiters (<c>*</c>, <c>_</c>, <c>~</c>) per paragraph: two per level (strong).</summary>
    public const int MaxEmphasis = 2 * MaxNesting;

    /// <summary>Leading indentation, in columns: four per list level.</summary>
    public const int MaxIndent = 4 * MaxNesting;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Null when the text may be rendered; otherwise a Vietnamese message naming the line.</summary>
    public static string? Check(string markdown)
    {
        if (markdown.Length > TextLimits.Markdown)
            return string.Create(Vietnamese, $"Nội dung dài {markdown.Length:N0} ký tự, vượt giới hạn {TextLimits.Markdown:N0} ký tự.");
        var paragraph = new ParagraphDepth();
        var lineNumber = 0;
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = markdown.AsSpan()[range];
            if (line.IsWhiteSpace())
            {
                paragraph = new ParagraphDepth();
                continue;
            }
            if (LineScanner.Indent(line) > MaxIndent)
                return $"Dòng {lineNumber}: thụt lề quá sâu (tối đa {MaxNesting} cấp danh sách).";
            if (LineScanner.ContainerDepth(line) > MaxNesting)
                return $"Dòng {lineNumber}: trích dẫn (>) hoặc danh sách lồng nhau quá {MaxNesting} cấp.";
            if (paragraph.Add(line) is { } problem)
                return $"Dòng {lineNumber}: {problem}";
        }
        return null;
    }
}
