namespace Training.Courses.Markdown;

/// <summary>What one line opens: its indentation and its block containers (<c>&gt;</c> and list markers).</summary>
internal static class LineScanner
{
    /// <summary>Leading white space in columns, a tab counting four.</summary>
    public static int Indent(ReadOnlySpan<char> line)
    {
        var columns = 0;
        foreach (var c in line)
        {
            if (c == ' ') columns++;
            else if (c == '\t') columns += 4;
            else break;
        }
        return columns;
    }

    /// <summary>Block quote markers and list markers at the start of the line, e.g. <c>&gt; &gt; - 1. text</c> counts 4.</summary>
    public static int ContainerDepth(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
            if (i >= line.Length) return depth;
            var marker = MarkerLength(line[i..]);
            if (marker == 0) return depth;
            depth++;
            i += marker;
        }
    }

    private static int MarkerLength(ReadOnlySpan<char> rest)
    {
        if (rest[0] == '>') return 1;
        var followedBySpace = rest.Length == 1 || rest[1] is ' ' or '\t';
        if (rest[0] is '-' or '*' or '+') return followedBySpace ? 1 : 0;
        var digits = 0;
        while (digits < rest.Length && digits < 9 && char.IsAsciiDigit(rest[digits])) digits++;
        if (digits == 0 || digits >= rest.Length || rest[digits] is not ('.' or ')')) return 0;
        return digits + 1 == rest.Length || rest[digits + 1] is ' ' or '\t' ? digits + 1 : 0;
    }
}
