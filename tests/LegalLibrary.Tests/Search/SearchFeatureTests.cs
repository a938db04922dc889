using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Pages.Legal;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Search;

public sealed class SearchFeatureTests
{
    private static SearchOutcome Search(TrainingApp app, string q) => app.Services.GetRequiredService<LegalSearcher>().Search(new SearchQuery(q));

    private static async Task<string> PageAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("Điều 8 Luật ANM", "Điều 8 Luật An ninh mạng")]
    [InlineData("dieu 8 luat anm", "dieu 8 Luật An ninh mạng")]
    [InlineData("BLHS quy định tuổi chịu trách nhiệm", "Bộ luật Hình sự quy định tuổi chịu trách nhiệm")]
    [InlineData("NĐ 13/2023 về dữ liệu", "Nghị định 13/2023 về dữ liệu")]
    [InlineData("theo QĐ số 1278/QĐ-TTg", "theo Quyết định 1278/QĐ-TTg")]
    [InlineData("bảo đảm TT xã hội", "bảo đảm TT xã hội")]
    public void AbbreviationsAreWrittenOut(string typed, string expected) => Assert.Equal(expected, Abbreviations.Expand(typed));

    [Fact]
    public async Task AbbreviatedLawNameNamesTheDocument()
    {
        using var app = await LegalFixture.CreateAsync();
        var outcome = Search(app, "ANM hành vi bị nghiêm cấm");
        Assert.NotNull(outcome.Plan!.NamedDocument);
        Assert.Equal(("Luật An ninh mạng", "8"), (outcome.Hits[0].LawId, outcome.Hits[0].AlqacArticleId));
    }

    [Fact]
    public async Task AWronglyNamedDocumentDoesNotHideTheRightArticle()
    {
        using var app = await LegalFixture.CreateAsync();
        // The rule is in Luật An ninh mạng; the user attributes it to Luật Viên chức.
        var outcome = Search(app, "Theo Luật Viên chức, hành vi bị nghiêm cấm về an ninh mạng tổ chức câu kết chống Nhà nước");
        Assert.Equal("Luật Viên chức", outcome.Plan!.NamedDocument);
        Assert.Contains(outcome.Hits, h => h.LawId == "Luật An ninh mạng" && h.AlqacArticleId == "8");
    }

    [Fact]
    public async Task MisspeltQueryGetsADidYouMeanAndUnaccentedQueryShowsTheRestoredForm()
    {
        using var app = await LegalFixture.CreateAsync();
        var browser = app.CreateBrowser();
        var html = await PageAsync(browser, "/legal?q=" + Uri.EscapeDataString("hanh vi nghiem camm"));
        Assert.Contains("Có phải bạn muốn tìm", html);
        Assert.Contains("hành vi nghiêm cấm</strong>", html);

        var plain = await PageAsync(browser, "/legal?q=an+ninh+mang");
        Assert.Contains("Đã tìm theo dạng có dấu", plain);
        Assert.Contains("<strong>an ninh mạng</strong>", plain);
        Assert.DoesNotContain("Có phải bạn muốn tìm", plain);
    }

    [Fact]
    public async Task DocumentPageSearchesInsideTheDocumentOnly()
    {
        using var app = await LegalFixture.CreateAsync();
        var html = await PageAsync(app.CreateBrowser(), "/legal/luat-an-ninh-mang?q=" + Uri.EscapeDataString("an ninh mạng"));
        Assert.Contains("href=\"/legal/luat-an-ninh-mang/dieu-8\"", html);
        // The pháp điển copy of Điều 8 and other documents are not results of this document's search.
        var results = html[html.IndexOf("id=\"ket-qua\"", StringComparison.Ordinal)..html.IndexOf("Mục lục", StringComparison.Ordinal)];
        Assert.DoesNotContain("phap-dien", results);
        Assert.DoesNotContain("luat-vien-chuc", results);
    }

    [Fact]
    public async Task DocumentPageJumpsToAnArticleByNumberOrSaysItIsNotThere()
    {
        using var app = await LegalFixture.CreateAsync();
        var browser = app.CreateBrowser();
        var jump = await browser.GetAsync("/legal/luat-an-ninh-mang?dieu=" + Uri.EscapeDataString("Điều 9"));
        Assert.Equal(HttpStatusCode.Redirect, jump.StatusCode);
        Assert.Equal("/legal/luat-an-ninh-mang/dieu-9", jump.Headers.Location!.OriginalString);

        Assert.Contains("Văn bản này không có Điều 99.", await PageAsync(browser, "/legal/luat-an-ninh-mang?dieu=99"));
        Assert.Contains("quá dài", await PageAsync(browser, "/legal/luat-an-ninh-mang?q=" + new string('a', 501)));
    }

    [Fact]
    public void CorrespondingArticleOfTheReplacingDocumentIsFoundByTitle()
    {
        var old = new LegalArticle { Number = "8", Title = "Các hành vi bị nghiêm cấm về an ninh mạng" };
        var candidates = new List<LegalArticle>
        {
            new() { Number = "1", Title = "Phạm vi điều chỉnh" },
            new() { Number = "1.1.LQ.9", Title = "Các hành vi bị nghiêm cấm về an ninh mạng", SourceArticle = "9" },
            new() { Number = "1.1.LQ.10", Title = "Hành vi bị nghiêm cấm trong lĩnh vực khác", SourceArticle = "10" },
        };
        Assert.Equal("1.1.LQ.9", ArticleModel.Corresponding(old, candidates)!.Number);
        Assert.Null(ArticleModel.Corresponding(new LegalArticle { Number = "3", Title = "Chính sách của Nhà nước" }, candidates));
    }
}
