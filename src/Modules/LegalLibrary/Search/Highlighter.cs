using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;

namespace Training.LegalLibrary.Search;

/// <summary>A small offset-based highlighter. Lucene.Net.Highlighter is not served here, so this one re-tokenises the
/// stored text (letter/digit runs with their offsets), marks syllables whose accented or folded form is in the query,
/// picks the window with the most distinct matches and returns HTML-encoded text with <c>&lt;mark&gt;</c> around the
/// matches. Everything from the text is encoded; only the <c>mark</c> tags are markup.</summary>
public static class Highlighter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Snippet(string text, QueryPlan? plan, int windowTokens = 40)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0) return "";
        var accented = new HashSet<string>(plan?.Tokens ?? [], StringComparer.Ordinal);
        if (plan?.Restored is { } r) accented.UnionWith(r);
        var folded = new HashSet<string>(plan?.Folded ?? [], StringComparer.Ordinal);
        // Exact accented forms (as typed or restored); folded matching only when nothing accented is known.
        var useFolded = plan?.Accented != true && plan?.Restored is null;
        var accentedLookup = accented.GetAlternateLookup<ReadOnlySpan<char>>();
        var foldedLookup = folded.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        var matches = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var (start, length) = tokens[i];
            // Syllables are short; a longer run (a code, a URL) cannot be a query syllable worth marking.
            if (length > buffer.Length) continue;
            var word = buffer[..length];
            text.AsSpan(start, length).ToLowerInvariant(word);
            if (accentedLookup.Contains(word)) { matches[i] = true; continue; }
            if (!useFolded) continue;
            for (var k = 0; k < word.Length; k++) word[k] = Folding.Fold(word[k]);
            matches[i] = foldedLookup.Contains(word);
        }

        // Sliding window: the span of windowTokens syllables holding the most matches.
        var best = 0;
        var count = 0;
        var bestCount = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (matches[i]) count++;
            if (i >= windowTokens && matches[i - windowTokens]) count--;
            if (count > bestCount) { bestCount = count; best = Math.Max(0, i - windowTokens + 1); }
        }
        // Start the window a little before the first match so the sentence reads.
        best = Math.Max(0, best - 3);
        var last = Math.Min(tokens.Count, best + windowTokens) - 1;
        var from = best == 0 ? 0 : tokens[best].Start;
        var to = last == tokens.Count - 1 ? text.Length : tokens[last].Start + tokens[last].Length;

        var sb = new StringBuilder();
        if (from > 0) sb.Append("… ");
        var at = from;
        for (var i = best; i <= last; i++)
        {
            if (!matches[i]) continue;
            sb.Append(Html.Encode(text[at..tokens[i].Start]));
            sb.Append("<mark>").Append(Html.Encode(text.Substring(tokens[i].Start, tokens[i].Length))).Append("</mark>");
            at = tokens[i].Start + tokens[i].Length;
        }
        sb.Append(Html.Encode(text[at..to]));
        if (to < text.Length) sb.Append(" …");
        return sb.ToString().Replace("\n", " ");
    }

    internal static List<(int Start, int Length)> Tokens(string text)
    {
        var result = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0) { result.Add((start, i - start)); start = -1; }
        }
        return result;
    }
}
