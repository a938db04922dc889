using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Search;

public sealed class AnalyzerTests
{
    private static List<string> Tokens(bool fold, bool bigrams, string text)
    {
        using var analyzer = new VietnameseAnalyzer(fold, bigrams);
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var result = new List<string>();
        stream.Reset();
        while (stream.IncrementToken()) result.Add(term.ToString());
        stream.End();
        return result;
    }

    [Fact]
    public void AccentedFieldKeepsDiacriticsAndLowercases() =>
        Assert.Equal(["an", "ninh", "mạng"], Tokens(false, false, "An NINH Mạng"));

    [Fact]
    public void FoldedFieldRemovesDiacriticsAndMapsDToD() =>
        Assert.Equal(["dieu", "luat", "dat", "dai"], Tokens(true, false, "Điều luật đất Đai"));

    [Fact]
    public void DecomposedInputGivesTheSameTokensAsComposed()
    {
        var nfc = "Bảo vệ dữ liệu cá nhân";
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);
        Assert.Equal(Tokens(false, false, nfc), Tokens(false, false, nfd));
        Assert.Equal(Tokens(true, false, nfc), Tokens(true, false, nfd));
    }

    [Fact]
    public void BigramsJoinAdjacentSyllablesAndKeepUnigrams()
    {
        var tokens = Tokens(false, true, "an ninh mạng");
        Assert.Contains("an ninh", tokens);
        Assert.Contains("ninh mạng", tokens);
        Assert.Contains("mạng", tokens);
        Assert.Contains("an ninh", Tokens(true, true, "An ninh mạng"));
        Assert.Contains("ninh mang", Tokens(true, true, "An ninh mạng"));
    }

    [Fact]
    public void FoldingDetectsDiacritics()
    {
        Assert.True(Folding.HasDiacritics("đất"));
        Assert.False(Folding.HasDiacritics("an ninh mang"));
        Assert.Equal("dieu 8 luat an ninh mang", Folding.Fold("Điều 8 Luật An ninh mạng"));
    }

    [Fact]
    public void HighlighterMarksMatchesAndEncodesText()
    {
        var plan = new QueryPlan("an ninh", true, ["an", "ninh"], ["an", "ninh"], null, [], null);
        var html = Highlighter.Snippet("Bảo vệ an ninh <quốc gia> & trật tự", plan);
        Assert.Contains("<mark>an</mark> <mark>ninh</mark>", html);
        Assert.Contains("&lt;quốc gia&gt; &amp;", html);
    }
}
