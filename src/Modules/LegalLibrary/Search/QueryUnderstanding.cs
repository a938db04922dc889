using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Training.Platform.Text;

namespace Training.LegalLibrary.Search;

/// <summary>What a query asks for: its content syllables (accented as written, or restored when typed without
/// diacritics), their folded forms, and the document it names ("Theo Luật Viên chức", "Nghị định 15/2020"), which is
/// taken out of the text and used to select that document. Question and filler words ("đúng hay sai", "bao nhiêu",
/// "theo quy định", a final "không") carry no content and are dropped.</summary>
public sealed record QueryPlan(
    string Text, bool Accented, IReadOnlyList<string> Tokens, IReadOnlyList<string> Folded, IReadOnlyList<string>? Restored,
    IReadOnlyList<string> FilterKeys, string? NamedDocument)
{
    /// <summary>Article numbers the query names ("Điều 6 của Luật ..."), as index keys (<c>a:6</c>).</summary>
    public IReadOnlyList<string> ArticleKeys { get; init; } = [];

    /// <summary>Documents whose subject the query names without naming the document ("viên chức", "ma túy", "hình sự"):
    /// soft evidence, weaker than a name.</summary>
    public IReadOnlyList<string> TopicKeys { get; init; } = [];

    /// <summary>A true/false statement saying what something is ("X là Y, đúng hay sai?").</summary>
    public bool StatesDefinition { get; init; }

    /// <summary>The query asks what a term means ("định nghĩa", "khái niệm", "được hiểu là"): laws answer that in
    /// their "Giải thích từ ngữ" article.</summary>
    public bool AsksDefinition { get; init; }
}

public sealed partial class QueryUnderstanding(IReadOnlyList<NamedDocument> catalog, DiacriticRestorer restorer)
{
    private static readonly Analyzer Unigrams = new VietnameseAnalyzer(fold: false, bigrams: false);

    /// <summary>Question and filler phrases (accented). "đúng"/"sai" alone are content ("sai sự thật", "đúng quy định"). Compared with accented tokens when the query has diacritics,
    /// folded otherwise.</summary>
    internal static readonly string[] Fillers =
    [
        "đúng hay sai", "theo quy định của pháp luật", "theo quy định của luật", "theo quy định", "theo luật định", "bao nhiêu",
        "như thế nào", "thế nào", "là gì", "hay không", "được không", "có phải", "phải không", "đúng không", "bao lâu",
        "khi nào", "ở đâu", "nào", "gì", "những ai",
    ];

    /// <summary>Particles that close a yes/no question; only dropped at the end ("... có được ... không?").</summary>
    private static readonly string[] FinalParticles = ["không", "chưa", "vậy", "nhỉ"];

    private static readonly string[][] FillerTokens = Fillers.Select(f => f.Split(' ')).OrderByDescending(f => f.Length).ToArray();
    private static readonly string[][] FoldedFillers = FillerTokens.Select(f => f.Select(Folding.Fold).ToArray()).ToArray();

    [GeneratedRegex(@"(?:\b(?:bộ\s+luật|luật|nghị\s+định|thông\s+tư(?:\s+liên\s+tịch)?|quyết\s+định|nghị\s+quyết|bo\s+luat|luat|nghi\s+dinh|thong\s+tu|quyet\s+dinh)\s+)?(?:số\s+|so\s+)?\b(\d{1,4})\s*/\s*(\d{4})(?:\s*/\s*([\p{L}\d]+(?:-[\p{L}\d]+)*))?", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:điều|dieu)\s+(\d{1,4})\b(?!\s*[/.]\s*\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleNumber();

    /// <summary>Folded phrases that ask for the meaning of a term.</summary>
    private static readonly string[] DefinitionCues = ["dinh nghia", "khai niem", "duoc hieu la", "duoc hieu nhu the nao", "hieu the nao"];

    private readonly (string[] Folded, string Key, string Alias)[] _aliases = catalog
        .Select(n => (Tokenize(Folding.Fold(n.Alias)).ToArray(), n.FilterKey, n.Alias))
        .Where(a => a.Item1.Length > 0)
        .OrderByDescending(a => a.Item1.Length).ToArray();

    /// <summary>Subjects of the laws and codes: the folded words of the title after its type word ("Luật Phòng, chống
    /// ma túy" → "ma tuy"), with their document keys.</summary>
    private readonly (string[] Folded, string Key)[] _topics = catalog
        .Select(n => (Words: Tokenize(Folding.Fold(n.Alias)).ToArray(), n.FilterKey))
        .Where(a => a.Words.Length > 1 && a.Words[0] is "luat" or "bo" && !a.Words.Any(w => w.Any(char.IsDigit)))
        .Select(a => (a.Words.SkipWhile(w => w is "bo" or "luat").SkipWhile(w => w is "phong" or "chong").ToArray(), a.FilterKey))
        .Where(a => a.Item1.Length >= 2)
        .DistinctBy(a => (string.Join(' ', a.Item1), a.FilterKey)).ToArray();

    private readonly string[] _numberKeys = catalog.Where(n => n.Alias.Contains('/')).Select(n => n.FilterKey).Distinct().ToArray();

    public QueryPlan Understand(string query, SearchTuning tuning)
    {
        var text = VietnameseText.Clean(query);
        // Whether the user typed accents is decided before abbreviations are written out (with accents).
        var accented = Folding.HasDiacritics(text);
        if (tuning.QueryUnderstanding) text = Abbreviations.Expand(text);
        var filters = new List<string>();
        string? named = null;

        if (tuning.QueryUnderstanding)
        {
            // Document numbers first: "Nghị định 15/2020" selects every document numbered 15/2020/...
            foreach (Match m in Number().Matches(text))
            {
                var prefix = $"n:{m.Groups[1].Value}/{m.Groups[2].Value}".ToLowerInvariant();
                var full = m.Groups[3].Success ? KnownDocumentsKey(prefix + "/" + m.Groups[3].Value) : null;
                var keys = _numberKeys.Where(k => full is not null ? k == full : k.StartsWith(prefix + "/", StringComparison.Ordinal)).ToList();
                if (keys.Count == 0) continue;
                filters.AddRange(keys);
                named ??= m.Value;
                text = text.Replace(m.Value, " ", StringComparison.Ordinal);
            }
        }

        var articles = new List<string>();
        if (tuning.ArticleNumbers)
        {
            foreach (Match m in ArticleNumber().Matches(text)) articles.Add(Import.IndexSource.ArticleKey(m.Groups[1].Value));
            if (articles.Count > 0) text = ArticleNumber().Replace(text, " ");
        }
        var tokens = Tokenize(text).ToList();
        var folded = tokens.Select(Folding.Fold).ToList();
        var foldedText = " " + string.Join(' ', folded) + " ";
        var definition = tuning.Definitions > 0 && DefinitionCues.Any(c => foldedText.Contains(" " + c + " ", StringComparison.Ordinal));
        // "X là Y, đúng hay sai?": a true/false statement of what a term is.
        var statesDefinition = !definition && tuning.DefinitionStatements > 0 && foldedText.Contains(" la ", StringComparison.Ordinal)
            && (foldedText.Contains(" dung hay sai ", StringComparison.Ordinal) || foldedText.EndsWith(" dung ", StringComparison.Ordinal) || foldedText.EndsWith(" sai ", StringComparison.Ordinal));
        if (tuning.QueryUnderstanding && filters.Count == 0) named = FindName(tokens, folded, filters, tuning.NameInText);
        if (tuning.QueryUnderstanding && filters.Count > 0) DropTypeWordsAround(tokens, folded);
        var topics = tuning.QueryUnderstanding && filters.Count == 0 && tuning.TopicBoost != 1 ? Topics(folded) : [];
        if (tuning.Fillers) RemoveFillers(tokens, folded, accented);
        IReadOnlyList<string>? restored = !accented && tuning.Restore ? restorer.Restore(folded) : null;
        return new QueryPlan(text, accented, tokens, folded, restored, filters.Distinct().ToList(), named)
        {
            ArticleKeys = articles.Distinct().ToList(),
            AsksDefinition = definition,
            TopicKeys = topics,
            StatesDefinition = statesDefinition,
        };
    }

    private List<string> Topics(List<string> folded)
    {
        var keys = new List<string>();
        foreach (var (words, key) in _topics)
            for (var start = 0; start + words.Length <= folded.Count; start++)
                if (folded.Skip(start).Take(words.Length).SequenceEqual(words)) { keys.Add(key); break; }
        return keys.Distinct().ToList();
    }

    private static string KnownDocumentsKey(string key) => Corpus.KnownDocuments.NormaliseDash(key).ToLowerInvariant();

    private string? FindName(List<string> tokens, List<string> folded, List<string> filters, bool keepInText)
    {
        for (var start = 0; start < folded.Count; start++)
        {
            foreach (var (alias, key, name) in _aliases)
            {
                if (start + alias.Length > folded.Count) continue;
                var match = true;
                for (var k = 0; k < alias.Length && match; k++) match = folded[start + k] == alias[k];
                if (!match) continue;
                filters.AddRange(_aliases.Where(a => a.Alias == name || SameTokens(a.Folded, alias)).Select(a => a.Key));
                if (!keepInText)
                {
                    tokens.RemoveRange(start, alias.Length);
                    folded.RemoveRange(start, alias.Length);
                }
                return name;
            }
        }
        return null;
    }

    private static bool SameTokens(string[] a, string[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary>"Theo" or "của" left where a name was removed carries nothing.</summary>
    private static void DropTypeWordsAround(List<string> tokens, List<string> folded)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (folded[i] is "theo" or "cua" or "tai" && (i == 0 || i == tokens.Count - 1))
            {
                tokens.RemoveAt(i);
                folded.RemoveAt(i);
            }
        }
    }

    private static void RemoveFillers(List<string> tokens, List<string> folded, bool accented)
    {
        var source = accented ? tokens : folded;
        var fillers = accented ? FillerTokens : FoldedFillers;
        for (var i = 0; i < source.Count;)
        {
            var removed = false;
            foreach (var f in fillers)
            {
                if (i + f.Length > source.Count) continue;
                var match = true;
                for (var k = 0; k < f.Length && match; k++) match = source[i + k] == f[k];
                if (!match) continue;
                tokens.RemoveRange(i, f.Length);
                if (!ReferenceEquals(tokens, folded)) folded.RemoveRange(i, f.Length);
                removed = true;
                break;
            }
            if (!removed) i++;
        }
        while (tokens.Count > 1 && FinalParticles.Any(p => (accented ? tokens[^1] : folded[^1]) == (accented ? p : Folding.Fold(p))))
        {
            tokens.RemoveAt(tokens.Count - 1);
            folded.RemoveAt(folded.Count - 1);
        }
    }

    /// <summary>Lowercase NFC syllables as the index's unigram analysis produces them.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var result = new List<string>();
        using var stream = Unigrams.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) result.Add(term.ToString());
        stream.End();
        return result;
    }
}
