using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Training.LegalLibrary.Search;

/// <summary>Vietnamese analysis: NFC (so NFD input gives the same tokens), Unicode word tokens (a Vietnamese word is one
/// or more space-separated syllables), lowercase, then either the accented syllables as written or their folded form
/// (diacritics removed, đ→d), optionally followed by syllable bigrams ("an ninh", "ninh mạng") so that multi-syllable
/// words match as words. The index keeps both forms in two fields: exact accents score in both, so they rank higher.</summary>
public sealed class VietnameseAnalyzer(bool fold, bool bigrams) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TextReader InitReader(string fieldName, TextReader reader)
    {
        var text = reader.ReadToEnd();
        return new StringReader(text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC));
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        if (fold) stream = new FoldingFilter(stream);
        if (bigrams) stream = new ShingleFilter(stream, 2, 2);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>Removes Vietnamese diacritics in place with a lookup table (đ→d): no allocation per token.</summary>
public sealed class FoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public FoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++) buffer[i] = Folding.Fold(buffer[i]);
        return true;
    }
}

/// <summary>Character folding table for precomposed Latin letters (U+0000–U+1FFF); combining marks are dropped by NFC first.</summary>
public static class Folding
{
    private static readonly char[] Table = Build();

    public static char Fold(char c) => c < Table.Length ? Table[c] : c;

    public static string Fold(string s)
    {
        var nfc = s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
        return string.Create(nfc.Length, nfc, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++) span[i] = Fold(char.ToLowerInvariant(src[i]));
        });
    }

    /// <summary>True when the text carries any Vietnamese diacritic (or đ).</summary>
    public static bool HasDiacritics(string s)
    {
        foreach (var c in s)
            if (c > 127 && char.IsLetter(c) && Fold(char.ToLowerInvariant(c)) != char.ToLowerInvariant(c)) return true;
        return false;
    }

    private static char[] Build()
    {
        var table = new char[0x2000];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = c;
            if (c < 128 || !char.IsLetter(c)) continue;
            if (c is 'đ') { table[i] = 'd'; continue; }
            if (c is 'Đ') { table[i] = 'D'; continue; }
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            if (d.Length > 1 && d[0] < 128) table[i] = d[0];
        }
        return table;
    }
}
