using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Tests.Citations;

/// <summary>The demo courses are seeded (and published) at start, before the background corpus import has filled the
/// library: their citations must still reach the library's article pages once the import is done.</summary>
public sealed class CitingLessonsTests
{
    [Fact]
    public async Task ArticlePageListsTheSeededLessonsCitingItOnceTheLibraryIsImported()
    {
        using var app = new TrainingApp(seedDemo: true);
        _ = app.Server;
        var browser = app.CreateBrowser();
        await LegalFixture.ImportAsync(app, LegalFixture.Corpus);
        await WaitUntilOutboxDrainedAsync(app);

        var response = await browser.GetAsync("/legal/luat-an-ninh-mang/dieu-8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Chưa có bài học nào trích dẫn điều này.", html);
        // kpl-2.md and qt-1.md cite [[Luật An ninh mạng, Điều 8]].
        Assert.Contains("Hành vi bị nghiêm cấm và thông tin vi phạm pháp luật trên không gian mạng", html);
        Assert.Matches("href=\"/courses/KPL-01/lessons/[0-9a-f-]{36}\"", html);

        // An article no seeded lesson cites still says so.
        var uncited = await browser.GetStringAsync("/legal/luat-vien-chuc/dieu-11");
        Assert.Contains("Chưa có bài học nào trích dẫn điều này.", uncited);
    }

    [Fact]
    public async Task PhapDienCopyListsTheLessonsCitingItsSourceArticle()
    {
        using var app = new TrainingApp(seedDemo: true);
        _ = app.Server;
        await LegalFixture.ImportAsync(app, LegalFixture.Corpus);
        await WaitUntilOutboxDrainedAsync(app);

        var response = await app.CreateBrowser().GetAsync("/legal/phap-dien-an-toan-thong-tin-mang/dieu-3-1-lq-8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hành vi bị nghiêm cấm và thông tin vi phạm pháp luật trên không gian mạng", html);
    }

    private static Task WaitUntilOutboxDrainedAsync(TrainingApp app) => app.DrainOutboxesAsync(TimeSpan.FromSeconds(60), typeof(LegalLibraryDbContext));
}
