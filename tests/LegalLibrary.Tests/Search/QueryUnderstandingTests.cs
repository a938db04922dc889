using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Search;

public sealed class QueryUnderstandingTests
{
    private static readonly NamedDocument[] Catalog =
    [
        new("Luật Viên chức", "d:luat-vien-chuc"),
        new("Luật An ninh mạng", "d:luat-an-ninh-mang"),
        new("24/2018/QH14", "n:24/2018/qh14"),
        new("Bộ luật Hình sự", "d:bo-luat-hinh-su"),
        new("15/2020/NĐ-CP", "n:15/2020/nđ-cp"),
    ];

    private static readonly SearchTuning WithFillers = SearchTuning.Default with { Fillers = true };

    private static QueryUnderstanding Make(DiacriticRestorer? restorer = null) => new(Catalog, restorer ?? DiacriticRestorer.Empty);

    [Fact]
    public void NamedLawIsTakenOutOfTheTextAndFilters()
    {
        var plan = Make().Understand("Theo Luật Viên chức, viên chức có quyền gì?", WithFillers);
        Assert.Equal(["d:luat-vien-chuc"], plan.FilterKeys);
        Assert.Equal(["viên", "chức", "có", "quyền"], plan.Tokens);
    }

    [Fact]
    public void NamedLawIsFoundWithoutDiacritics()
    {
        var plan = Make().Understand("theo luat an ninh mang hanh vi bi cam", SearchTuning.Default);
        Assert.Contains("d:luat-an-ninh-mang", plan.FilterKeys);
        Assert.DoesNotContain("luat", plan.Folded);
    }

    [Fact]
    public void PartialDecreeNumberSelectsTheDecree()
    {
        var plan = Make().Understand("Nghị định 15/2020 xử phạt gì", WithFillers);
        Assert.Equal(["n:15/2020/nđ-cp"], plan.FilterKeys);
        Assert.DoesNotContain("nghị", plan.Tokens);
        Assert.Contains("xử", plan.Tokens);
    }

    [Fact]
    public void QuestionAndFillerWordsAreDropped()
    {
        var plan = Make().Understand("Người lao động được nghỉ bao nhiêu ngày theo quy định, đúng hay sai?", WithFillers);
        Assert.Equal(["người", "lao", "động", "được", "nghỉ", "ngày"], plan.Tokens);
        var question = Make().Understand("Viên chức có được kinh doanh không?", WithFillers);
        Assert.Equal("kinh", question.Tokens[^2]);
    }

    [Fact]
    public void QueriesWithoutDiacriticsAreRestoredFromCorpusStatistics()
    {
        var builder = new DiacriticRestorer.Builder();
        builder.Add("bảo vệ an ninh mạng. Bảo vệ an ninh mạng. an ninh quốc gia. mạng lưới. màng lọc");
        var plan = Make(builder.Build()).Understand("bao ve an ninh mang", SearchTuning.Default);
        Assert.False(plan.Accented);
        Assert.Equal(["bảo", "vệ", "an", "ninh", "mạng"], plan.Restored);
    }

    [Fact]
    public void AccentedQueriesAreNotRestored() =>
        Assert.Null(Make().Understand("an ninh mạng", SearchTuning.Default).Restored);

    [Fact]
    public void ArticleNumberIsTakenOutOfTheTextAsAnArticleKey()
    {
        var plan = Make().Understand("Điều 6 của Luật An ninh mạng đề cập đến việc gì?", SearchTuning.Default);
        Assert.Equal(["a:6"], plan.ArticleKeys);
        Assert.Contains("d:luat-an-ninh-mang", plan.FilterKeys);
        Assert.DoesNotContain("điều", plan.Tokens);
        Assert.DoesNotContain("6", plan.Tokens);
    }

    [Fact]
    public void DocumentNumbersAreNotArticleNumbers()
    {
        var plan = Make().Understand("dieu 15/2020 xu phat", SearchTuning.Default);
        Assert.Empty(plan.ArticleKeys);
    }

    [Fact]
    public void DefinitionQuestionsAreRecognisedWithOrWithoutDiacritics()
    {
        Assert.True(Make().Understand("Định nghĩa của \"người lao động\"?", SearchTuning.Default).AsksDefinition);
        Assert.True(Make().Understand("tai san duoc hieu nhu the nao", SearchTuning.Default).AsksDefinition);
        Assert.False(Make().Understand("Quyền của người lao động là gì?", SearchTuning.Default).AsksDefinition);
    }

    [Fact]
    public void DefinitionQuestionLooksForTheDefinitionsArticleTitle()
    {
        var plan = Make().Understand("Khái niệm không gian mạng", SearchTuning.Default);
        var query = string.Join(' ', LegalSearcher.Clauses(plan, SearchTuning.Default));
        Assert.Contains("tacc:giải thích", query);
        var plain = Make().Understand("không gian mạng", SearchTuning.Default);
        Assert.DoesNotContain("giải thích", string.Join(' ', LegalSearcher.Clauses(plain, SearchTuning.Default)));
    }

    [Fact]
    public void AccentedQueryUsesOnlyAccentedFieldsAndStrippedQueryBoth()
    {
        var accented = Make().Understand("an ninh mạng", SearchTuning.Default);
        Assert.DoesNotContain("fold:", string.Join(' ', LegalSearcher.Clauses(accented, SearchTuning.Default)));
        var stripped = Make().Understand("an ninh mang", SearchTuning.Default);
        Assert.Contains("fold:mang", string.Join(' ', LegalSearcher.Clauses(stripped, SearchTuning.Default)));
    }
}
