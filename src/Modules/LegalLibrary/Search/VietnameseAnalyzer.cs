using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Training.LegalLibrary.Search;

/// <summary>Vietnamese analysis: NFC (so NFD input gives the same tokens), syllables as runs of letters and digits
/// (a Vietnamese word is one or more space-separated syllables), lowercase, then either the accented syllables as
/// written or their folded form (diacritics removed, đ→d), optionally followed by syllable bigrams ("an ninh",
/// "ninh mạng") so that multi-syllable words match as words. The index keeps both forms in two fields: exact accents
/// score in both, so they rank higher. The tokenizer and the bigram filter are small and allocation-free per token
/// (Lucene's StandardTokenizer and ShingleFilter cost several times more on a 100,000-article build).</summary>
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
        var tokenizer = new SyllableTokenizer(reader);
        TokenStream stream = tokenizer;
        if (fold) stream = new FoldingFilter(stream);
        if (bigrams) stream = new BigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>Lowercase runs of letters, digits and combining marks: the same units the highlighter marks.</summary>
public sealed class SyllableTokenizer(TextReader reader) : CharTokenizer(VietnameseAnalyzer.Version, reader)
{
    protected override bool IsTokenChar(int c) =>
        c < 0x10000 ? IsSyllableChar((char)c) : char.IsLetterOrDigit(char.ConvertFromUtf32(c), 0);

    protected override int Normalize(int c) => c < 0x10000 ? char.ToLowerInvariant((char)c) : c;

    public static bool IsSyllableChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}

/// <summary>Emits each token, then the bigram of the previous token and this one ("an", "an ninh"... in the order
/// "an", "ninh", "an ninh", "mạng", "ninh mạng"). Positions are not indexed, so only the terms matter.</summary>
public sealed class BigramFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private char[] _previous = new char[32];
    private int _previousLength = -1;
    private char[] _current = new char[32];
    private int _currentLength;
    private bool _pending;

    public BigramFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending)
        {
            _pending = false;
            var length = _previousLength + 1 + _currentLength;
            var buffer = _term.ResizeBuffer(length);
            Array.Copy(_previous, buffer, _previousLength);
            buffer[_previousLength] = ' ';
            Array.Copy(_current, 0, buffer, _previousLength + 1, _currentLength);
            _term.Length = length;
            _position.PositionIncrement = 0;
            Remember();
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        if (_current.Length < _term.Length) _current = new char[Math.Max(_term.Length, _current.Length * 2)];
        Array.Copy(_term.Buffer, _current, _term.Length);
        _currentLength = _term.Length;
        if (_previousLength >= 0) _pending = true;
        else Remember();
        return true;
    }

    /// <summary>The current token becomes the previous one.</summary>
    private void Remember()
    {
        (_previous, _current) = (_current, _previous);
        _previousLength = _currentLength;
    }

    public override void Reset()
    {
        base.Reset();
        _previousLength = -1;
        _pending = false;
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
