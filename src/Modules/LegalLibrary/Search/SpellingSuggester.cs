namespace Training.LegalLibrary.Search;

/// <summary>"Did you mean": a query syllable the library never uses is replaced by the most frequent library syllable
/// one edit away (deletion, insertion, substitution or swap of neighbours, compared without diacritics), Norvig's
/// method over the restorer's syllable counts. The corrected query is shown with its diacritics restored.</summary>
public static class SpellingSuggester
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    /// <summary>Longer than any Vietnamese syllable ("nghiêng" has 7 letters): not a misspelt syllable, and its edits
    /// (54 per letter) would cost for nothing.</summary>
    private const int MaxSyllable = 10;

    /// <summary>The corrected folded syllables, or null when every syllable is known (or none can be corrected).</summary>
    public static IReadOnlyList<string>? Correct(IReadOnlyList<string> folded, DiacriticRestorer restorer)
    {
        if (restorer.Size == 0) return null;
        var corrected = new List<string>(folded.Count);
        var changed = false;
        foreach (var token in folded)
        {
            if (token.Length is < 2 or > MaxSyllable || token.Any(char.IsDigit) || restorer.Frequency(token) > 0) { corrected.Add(token); continue; }
            var best = Edits(token).Select(e => (Edit: e, Count: restorer.Frequency(e))).Where(x => x.Count > 0)
                .OrderByDescending(x => x.Count).ThenBy(x => x.Edit, StringComparer.Ordinal).FirstOrDefault();
            if (best.Edit is null) { corrected.Add(token); continue; }
            corrected.Add(best.Edit);
            changed = true;
        }
        return changed ? corrected : null;
    }

    private static IEnumerable<string> Edits(string w)
    {
        for (var i = 0; i <= w.Length; i++)
        {
            if (i < w.Length) yield return w.Remove(i, 1);
            if (i + 1 < w.Length) yield return string.Concat(w.AsSpan(0, i), w[i + 1].ToString(), w[i].ToString(), w.AsSpan(i + 2));
            foreach (var c in Letters)
            {
                if (i < w.Length && w[i] != c) yield return string.Concat(w.AsSpan(0, i), c.ToString(), w.AsSpan(i + 1));
                yield return w.Insert(i, c.ToString());
            }
        }
    }
}
