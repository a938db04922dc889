using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Import;

public sealed class ImportTests
{
    private static int Count(TrainingApp app) => app.WithScopeAsync(sp => sp.GetRequiredService<LegalLibraryDbContext>().Articles.CountAsync()).Result;

    private static SearchOutcome Search(TrainingApp app, string q) => app.Services.GetRequiredService<LegalSearcher>().Search(new SearchQuery(q));

    [Fact]
    public async Task ImportReadsAllThreeFormatsAndIndexes()
    {
        using var app = await LegalFixture.CreateAsync();
        Assert.Equal(6 + 4 + 3, Count(app));
        var hit = Search(app, "hành vi bị nghiêm cấm về an ninh mạng").Hits.First();
        Assert.Equal(("Luật An ninh mạng", "8"), (hit.LawId, hit.AlqacArticleId));
    }

    [Fact]
    public async Task ReimportIsIdempotentAndFollowsChanges()
    {
        var corpus = LegalFixture.CopyCorpus();
        using var app = await LegalFixture.CreateAsync(corpus);
        var again = await LegalFixture.ImportAsync(app, corpus);
        Assert.Equal((0, 0, 0), (again.Added, again.Updated, again.Removed));
        Assert.Equal(13, again.Unchanged);

        var law = Path.Combine(corpus, "laws", "mini-law.json");
        File.WriteAllText(law, File.ReadAllText(law)
            .Replace("Xử lý vi phạm pháp luật về an ninh mạng", "Xử lý vi phạm về an ninh mạng")
            .Replace("""{"id": "11", "text": "Quyền của viên chức về hoạt động nghề nghiệp\n\n1. Được pháp luật bảo vệ trong hoạt động nghề nghiệp.\n\n2. Được đào tạo, bồi dưỡng nâng cao trình độ chính trị, chuyên môn, nghiệp vụ."}""", """{"id": "12", "text": "Quyền mới\n\nNội dung mới về hợp đồng làm việc."}"""));
        var changed = await LegalFixture.ImportAsync(app, corpus);
        Assert.Equal((1, 1, 1), (changed.Added, changed.Updated, changed.Removed));
        Assert.Equal(13, Count(app));
        Assert.NotEmpty(Search(app, "hợp đồng làm việc").Hits);
    }

    [Theory]
    [InlineData("laws/broken.json", "[{\"id\": \"Luật B\",\n \"articles\": [}", "laws/broken.json:2:")]
    [InlineData("laws/empty.json", "", "laws/empty.json:1:")]
    [InlineData("plans/notes.docx", "binary", "plans/notes.docx:1: unknown format")]
    public async Task AFaultyFileChangesNothing(string file, string content, string expected)
    {
        var corpus = LegalFixture.CopyCorpus();
        using var app = await LegalFixture.CreateAsync(corpus);
        var law = Path.Combine(corpus, "laws", "mini-law.json");
        File.WriteAllText(law, File.ReadAllText(law).Replace("Xử lý vi phạm pháp luật về an ninh mạng", "Tiêu đề đã đổi"));
        File.WriteAllText(Path.Combine(corpus, file), content);

        var ex = await Assert.ThrowsAsync<CorpusFormatException>(() => LegalFixture.ImportAsync(app, corpus));
        Assert.StartsWith(expected, ex.Message);
        Assert.Equal(13, Count(app));
        var title = await app.WithScopeAsync(sp => sp.GetRequiredService<LegalLibraryDbContext>().Articles.Where(a => a.Key == "dieu-9").Select(a => a.Title).FirstAsync());
        Assert.Equal("Xử lý vi phạm pháp luật về an ninh mạng", title);
        Assert.NotEmpty(Search(app, "an ninh mạng").Hits);
    }

    [Fact]
    public async Task PhapDienCopyOfALawArticleMapsToTheLawAndIsShownOnce()
    {
        using var app = await LegalFixture.CreateAsync();
        var hits = Search(app, "an ninh mang hanh vi bi nghiem cam to chuc cau ket chong Nha nuoc").Hits;
        Assert.Equal(("Luật An ninh mạng", "8"), (hits[0].LawId, hits[0].AlqacArticleId));
        Assert.Single(hits, h => h.LawId == "Luật An ninh mạng" && h.AlqacArticleId == "8");
    }

    [Fact]
    public async Task NamedDocumentRanksItsArticlesFirst()
    {
        using var app = await LegalFixture.CreateAsync();
        var outcome = Search(app, "Theo Luật Viên chức, phạm vi điều chỉnh là gì?");
        Assert.Equal("Luật Viên chức", outcome.Plan!.NamedDocument);
        Assert.NotEmpty(outcome.Hits);
        // "Phạm vi điều chỉnh" is Điều 1 of every law: the named one's comes first.
        Assert.Equal(("Luật Viên chức", "1"), (outcome.Hits[0].LawId, outcome.Hits[0].AlqacArticleId));
    }
}

public sealed class PostgresImportTests
{
    [Fact]
    public async Task ImportAndSearchWorkOnPostgres()
    {
        using var app = new TrainingApp(database: TestDatabase.Postgres);
        _ = app.Server;
        var result = await LegalFixture.ImportAsync(app, LegalFixture.Corpus);
        Assert.Equal(13, result.Articles);
        var again = await LegalFixture.ImportAsync(app, LegalFixture.Corpus);
        Assert.Equal(13, again.Unchanged);
        var html = await app.CreateBrowser().GetStringAsync("/legal/luat-an-ninh-mang/dieu-8");
        Assert.Contains("id=\"khoan-2\"", html);
    }
}
