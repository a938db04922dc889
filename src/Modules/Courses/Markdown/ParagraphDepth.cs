namespace Training.Courses.Markdown;

/// <summary>Inline nesting across the lines of one paragraph (reset at a blank line): unclosed <c>[</c>,
/// open emphasis delimiters and open raw HTML elements. Approximate on purpose: it only has to stay far below
/// the depth Markdig and the sanitiser choke on, without refusing ordinary lessons.</summary>
internal sealed class ParagraphDepth
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private int _brackets;
    private int _emphasis;
    private int _elements;

    /// <summary>Null, or what is nested too deep once this line is added.</summary>
    public string? Add(ReadOnlySpan<char> line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (c == '[' && ++_brackets > MarkdownLimits.MaxNesting)
                return $"quá {MarkdownLimits.MaxNesting} dấu [ lồng nhau chưa đóng.";
            if (c == ']' && _brackets > 0) _brackets--;
            if (c is '*' or '_' or '~')
            {
                var end = i;
                while (end + 1 < line.Length && line[end + 1] is '*' or '_' or '~') end++;
                Emphasis(line, i, end);
                if (_emphasis > MarkdownLimits.MaxEmphasis) return "chữ nhấn mạnh (*, _, ~) lồng nhau quá sâu.";
                i = end;
            }
            if (c == '<' && Element(line[(i + 1)..]) && _elements > MarkdownLimits.MaxNesting)
                return $"thẻ HTML lồng nhau quá {MarkdownLimits.MaxNesting} cấp.";
        }
        return null;
    }

    /// <summary>CommonMark's flanking rules, simplified: a run that can only open adds its length, a run that can
    /// close (also an intraword run, to stay on the safe side) subtracts it.</summary>
    private void Emphasis(ReadOnlySpan<char> line, int start, int end)
    {
        var prev = start == 0 ? ' ' : line[start - 1];
        var next = end + 1 >= line.Length ? ' ' : line[end + 1];
        bool Space(char c) => char.IsWhiteSpace(c);
        bool Punct(char c) => char.IsPunctuation(c) || char.IsSymbol(c);
        var opens = !Space(next) && (!Punct(next) || Space(prev) || Punct(prev));
        var closes = !Space(prev) && (!Punct(prev) || Space(next) || Punct(next));
        var run = end - start + 1;
        if (closes) _emphasis = Math.Max(0, _emphasis - run);
        else if (opens) _emphasis += run;
    }

    /// <summary>Counts an opening tag up and a closing tag down; true when the depth grew.</summary>
    private bool Element(ReadOnlySpan<char> rest)
    {
        if (rest.Length > 0 && rest[0] == '/')
        {
            if (_elements > 0) _elements--;
            return false;
        }
        var name = 0;
        while (name < rest.Length && char.IsAsciiLetterOrDigit(rest[name])) name++;
        if (name == 0 || !char.IsAsciiLetter(rest[0]) || VoidElements.Contains(rest[..name].ToString())) return false;
        // Bounded look-ahead for "/>", so a line of "<a</<a</…" stays linear.
        var close = rest[..Math.Min(rest.Length, 256)].IndexOf('>');
        if (close > 0 && rest[close - 1] == '/') return false;
        _elements++;
        return true;
    }
}
