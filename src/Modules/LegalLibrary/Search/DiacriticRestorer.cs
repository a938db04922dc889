using System.Text;

namespace Training.LegalLibrary.Search;

/// <summary>Restores diacritics of a query typed without them, from corpus statistics: each folded syllable has its
/// accented forms with counts, each folded syllable bigram its accented bigrams; a Viterbi pass picks the most
/// frequent accented sequence (bigram counts first, unigram counts as back-off). Built with the index.</summary>
public sealed class DiacriticRestorer
{
    private const int MaxForms = 4;
    private readonly Dictionary<string, (string Form, int Count)[]> _unigrams;
    private readonly Dictionary<string, int> _bigrams;

    private DiacriticRestorer(Dictionary<string, (string, int)[]> unigrams, Dictionary<string, int> bigrams)
    {
        _unigrams = unigrams;
        _bigrams = bigrams;
    }

    public static DiacriticRestorer Empty { get; } = new([], []);

    public int Size => _unigrams.Count + _bigrams.Count;

    /// <summary>How often the library uses a folded syllable (all its accented forms); 0 when never.</summary>
    public int Frequency(string folded) => _unigrams.TryGetValue(folded, out var forms) ? forms.Sum(f => f.Count) : 0;

    /// <summary>Most likely accented form of each folded token.</summary>
    public IReadOnlyList<string> Restore(IReadOnlyList<string> folded)
    {
        if (folded.Count == 0) return [];
        var cands = folded.Select(f => _unigrams.TryGetValue(f, out var forms) ? forms : [(f, 1)]).ToArray();
        var score = new double[folded.Count][];
        var back = new int[folded.Count][];
        score[0] = cands[0].Select(c => Math.Log(c.Count + 1)).ToArray();
        back[0] = new int[cands[0].Length];
        for (var i = 1; i < folded.Count; i++)
        {
            score[i] = new double[cands[i].Length];
            back[i] = new int[cands[i].Length];
            for (var j = 0; j < cands[i].Length; j++)
            {
                var best = double.NegativeInfinity;
                for (var k = 0; k < cands[i - 1].Length; k++)
                {
                    var pair = _bigrams.GetValueOrDefault(cands[i - 1][k].Form + " " + cands[i][j].Form);
                    // A seen bigram outweighs any unigram preference; unseen pairs fall back to the syllable's own frequency.
                    var s = score[i - 1][k] + (pair > 0 ? 10 + 2 * Math.Log(pair + 1) : 0) + 0.5 * Math.Log(cands[i][j].Count + 1);
                    if (s > best) { best = s; back[i][j] = k; }
                }
                score[i][j] = best;
            }
        }
        var result = new string[folded.Count];
        var at = Array.IndexOf(score[^1], score[^1].Max());
        for (var i = folded.Count - 1; i >= 0; i--)
        {
            result[i] = cands[i][at].Form;
            at = back[i][at];
        }
        return result;
    }

    /// <summary>Collects counts while the index is built (thread-safe through per-thread builders merged at the end).</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _uni = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _bi = new(StringComparer.Ordinal);

        public void Add(string text)
        {
            string? previous = null;
            foreach (var token in Syllables(text))
            {
                Increment(_uni, token);
                if (previous is not null) Increment(_bi, previous + " " + token);
                previous = token;
            }
        }

        /// <summary>Counts of a term of the accented field: a syllable, or a bigram "a b".</summary>
        public void AddTerm(string term, long count)
        {
            var bigram = term.IndexOf(' ', StringComparison.Ordinal) >= 0;
            Increment(bigram ? _bi : _uni, term, (int)Math.Min(count, int.MaxValue));
        }

        public void Merge(Builder other)
        {
            lock (this)
            {
                foreach (var (k, v) in other._uni) Increment(_uni, k, v);
                foreach (var (k, v) in other._bi) Increment(_bi, k, v);
            }
        }

        public DiacriticRestorer Build()
        {
            var uni = _uni.GroupBy(kv => Folding.Fold(kv.Key))
                .ToDictionary(g => g.Key, g => g.OrderByDescending(kv => kv.Value).Take(MaxForms).Select(kv => (kv.Key, kv.Value)).ToArray());
            // Only bigrams seen twice or more carry evidence; the rest would only cost memory.
            var bi = _bi.Where(kv => kv.Value > 1).ToDictionary(kv => kv.Key, kv => kv.Value);
            return new DiacriticRestorer(uni, bi);
        }

        private static void Increment(Dictionary<string, int> d, string key, int by = 1)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(d, key, out _) += by;
        }
    }

    /// <summary>The statistics from the index's accented field (syllables and syllable bigrams with their total
    /// frequencies): the analysis already counted them, so the text is not tokenised a second time.</summary>
    public static DiacriticRestorer FromIndex(Lucene.Net.Index.IndexReader reader, string field)
    {
        var builder = new Builder();
        var terms = Lucene.Net.Index.MultiFields.GetTerms(reader, field);
        if (terms is null) return Empty;
        var e = terms.GetEnumerator();
        while (e.MoveNext())
        {
            // A bigram seen once carries no evidence (Build drops it): skip it before decoding the bytes.
            if (e.TotalTermFreq < 2 && Array.IndexOf(e.Term.Bytes, (byte)' ', e.Term.Offset, e.Term.Length) >= 0) continue;
            var term = e.Term.Utf8ToString();
            // Only letters carry diacritics; numbers and codes need no restoring.
            if (!HasLetter(term)) continue;
            builder.AddTerm(term, e.TotalTermFreq);
        }
        return builder.Build();
    }

    private static bool HasLetter(string s)
    {
        foreach (var c in s) if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>Lowercase letter runs of an NFC text.</summary>
    public static IEnumerable<string> Syllables(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetter(ch) || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(ch));
            else if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    public void Save(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var (folded, forms) in _unigrams)
            w.WriteLine("u\t" + folded + "\t" + string.Join('\t', forms.Select(f => f.Form + "\t" + f.Count)));
        foreach (var (pair, count) in _bigrams) w.WriteLine("b\t" + pair + "\t" + count);
    }

    public static DiacriticRestorer Load(string path)
    {
        if (!File.Exists(path)) return Empty;
        var uni = new Dictionary<string, (string, int)[]>(StringComparer.Ordinal);
        var bi = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var p = line.Split('\t');
            if (p[0] == "u")
            {
                var forms = new (string, int)[(p.Length - 2) / 2];
                for (var i = 0; i < forms.Length; i++) forms[i] = (p[2 + 2 * i], int.Parse(p[3 + 2 * i], System.Globalization.CultureInfo.InvariantCulture));
                uni[p[1]] = forms;
            }
            else if (p[0] == "b") bi[p[1]] = int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        return new DiacriticRestorer(uni, bi);
    }
}
