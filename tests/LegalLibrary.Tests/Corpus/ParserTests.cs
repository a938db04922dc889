using System.Text;
using Training.LegalLibrary.Corpus;

namespace Training.LegalLibrary.Tests.Corpus;

public sealed class AlqacParserTests
{
    private static IReadOnlyList<ParsedDocument> Parse(string json) => AlqacParser.Parse("laws/x.json", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void KeepsIdsAndGivesKnownLawsTheirNumbers()
    {
        var doc = Parse("""[{"id": "Luật An ninh mạng", "articles": [{"id": "8", "text": "Các hành vi bị nghiêm cấm\n\n1. Sử dụng"}]}]""").Single();
        Assert.Equal("Luật An ninh mạng", doc.AlqacLawId);
        Assert.Equal("24/2018/QH14", doc.Number);
        Assert.Equal("luat-an-ninh-mang", doc.Slug);
        var a = doc.Articles.Single();
        Assert.Equal(("8", "dieu-8", "Các hành vi bị nghiêm cấm", "1. Sử dụng"), (a.AlqacArticleId, a.Key, a.Title, a.Body));
    }

    [Fact]
    public void ConsolidatedCriminalCodeKeepsItsNumberAsId()
    {
        var doc = Parse("""[{"id": "01/VBHN-VPQH", "articles": [{"id": "1", "text": "Nhiệm vụ\n\nBộ luật"}]}]""").Single();
        Assert.Equal("01/VBHN-VPQH", doc.AlqacLawId);
        Assert.Equal("bo-luat-hinh-su", doc.Slug);
    }

    [Fact]
    public void ArticleWithoutTitleKeepsAllTextAsBody()
    {
        var (title, body) = AlqacParser.SplitTitle("Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước độc lập.");
        Assert.Equal("", title);
        Assert.StartsWith("Nước Cộng hòa", body);
        var (title2, body2) = AlqacParser.SplitTitle("Phạm vi điều chỉnh\nLuật   này quy định  ");
        Assert.Equal(("Phạm vi điều chỉnh", "Luật này quy định"), (title2, body2));
    }

    [Fact]
    public void MalformedJsonNamesTheLine()
    {
        var ex = Assert.Throws<CorpusFormatException>(() => Parse("[\n{\"id\": \"Luật A\",\n \"articles\": [ {\"id\": \"1\" \"text\": \"x\"}]}]"));
        Assert.Equal(3, ex.Line);
        Assert.StartsWith("laws/x.json:3:", ex.Message);
    }

    [Fact]
    public void EmptyFileAndMissingFieldsAreErrors()
    {
        Assert.Equal(1, Assert.Throws<CorpusFormatException>(() => Parse("  \n")).Line);
        var ex = Assert.Throws<CorpusFormatException>(() => Parse("[\n{\"id\": \"Luật A\", \"articles\": []},\n{\"articles\": [{\"id\":\"1\",\"text\":\"x\"}]}\n]"));
        Assert.Equal(2, ex.Line);
        Assert.Contains("no articles", ex.Message);
    }
}

public sealed class PhapDienParserTests
{
    private static ParsedDocument Fixture() =>
        PhapDienParser.Parse("phapdien/an-toan-thong-tin-mang.md", File.ReadAllText(Path.Combine("Fixtures", "corpus", "phapdien", "an-toan-thong-tin-mang.md")));

    [Fact]
    public void ReadsChaptersArticlesAndSourceNotes()
    {
        var doc = Fixture();
        Assert.Equal("phap-dien-an-toan-thong-tin-mang", doc.Slug);
        Assert.Equal(4, doc.Articles.Count);
        var a = doc.Articles[0];
        Assert.Equal(("3.1.LQ.5", "dieu-3-1-lq-5", "Nguyên tắc bảo đảm an toàn thông tin mạng"), (a.Number, a.Key, a.Title));
        Assert.Equal("Chương I. NHỮNG QUY ĐỊNH CHUNG", a.Path);
        Assert.Equal(("86/2015/QH13", "5", "Luật An toàn thông tin mạng"), (a.SourceNumber, a.SourceArticle, a.SourceTitle));
        Assert.StartsWith("Điều 5 Luật số 86/2015/QH13", a.SourceNote);
        Assert.StartsWith("1. Cơ quan", a.Body);
    }

    [Fact]
    public void ChapterOnOneLineAndRelatedNotesAreHandled()
    {
        var doc = Fixture();
        Assert.Equal("Chương II. BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG", doc.Articles[2].Path);
        Assert.DoesNotContain("có nội dung liên quan", doc.Articles[1].Body);
    }

    [Fact]
    public void MissingTitleAndMultiLineNoteWithOddSpacing()
    {
        var a = Fixture().Articles[3];
        Assert.Equal("", a.Title);
        Assert.Equal("18/2018/TT-NHNN", a.SourceNumber);
        Assert.Contains("trong hoạt động ngân hàng", a.SourceNote);
        Assert.StartsWith("Thông tư này", a.Body);
    }

    [Fact]
    public void FileWithoutTextHeadingIsAnUnknownFormat()
    {
        var ex = Assert.Throws<CorpusFormatException>(() => PhapDienParser.Parse("phapdien/x.md", "# Hello\n\nNot a topic"));
        Assert.Contains("VĂN BẢN", ex.Message);
    }
}

public sealed class PlanParserTests
{
    [Fact]
    public void ReadsNumberDateTitleAndSections()
    {
        var doc = PlanParser.Parse("plans/ninh-binh-58-kh-2017.txt", File.ReadAllText(Path.Combine("Fixtures", "corpus", "plans", "ninh-binh-58-kh-2017.txt")));
        Assert.Equal("58/KH-SGDĐT", doc.Number);
        Assert.Equal(new DateOnly(2017, 12, 20), doc.IssueDate);
        Assert.StartsWith("Kế hoạch Thực hiện Đề án", doc.Title);
        Assert.Equal(["mo-dau", "muc-i", "muc-ii"], doc.Articles.Select(a => a.Key));
        Assert.Equal("Nội dung", doc.Articles[2].Title);
        Assert.DoesNotContain("Nơi nhận", doc.Articles[2].Body);
    }

    [Fact]
    public void PlanWithoutNumberOrDateStillImports()
    {
        var doc = PlanParser.Parse("plans/x.txt", "KẾ HOẠCH\nTuyên truyền trên không gian mạng\n\nI. MỤC ĐÍCH\n- Nâng cao nhận thức");
        Assert.Equal("", doc.Number);
        Assert.Null(doc.IssueDate);
        Assert.Equal("Kế hoạch Tuyên truyền trên không gian mạng", doc.Title);
        Assert.Single(doc.Articles);
    }

    [Fact]
    public void TextWithoutPlanHeadingIsRejected() =>
        Assert.Throws<CorpusFormatException>(() => PlanParser.Parse("plans/x.txt", "Hello\nworld"));
}

public sealed class ArticleBodyTests
{
    [Fact]
    public void ClausesAndPointsGetAnchors()
    {
        var s = ArticleBody.Parse("Mở đầu\n1. Khoản một:\na) Điểm a;\nđ) Điểm đ;\ntiếp điểm đ\n2. Khoản hai.");
        Assert.Equal(["Mở đầu"], s.Intro);
        Assert.Equal(["khoan-1", "khoan-2"], s.Clauses.Select(c => c.Anchor));
        Assert.Equal(["khoan-1-diem-a", "khoan-1-diem-dd"], s.Clauses[0].Points.Select(p => p.Anchor));
        Assert.Equal(2, s.Clauses[0].Points[1].Paragraphs.Count);
    }
}
