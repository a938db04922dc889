using System.Net;
using System.Text.Json;

namespace Training.LegalLibrary.Tests.Pages;

public sealed class SearchPageTests
{
    [Fact]
    public async Task SearchWithoutDiacriticsFindsTheArticleWithHighlight()
    {
        using var app = await LegalFixture.CreateAsync();
        var response = await app.CreateBrowser().GetAsync("/legal?q=an+ninh+mang");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/legal/luat-an-ninh-mang/dieu-8\"", html);
        Assert.Contains("<mark>", html);
        Assert.Contains("Loại văn bản", html);
    }

    [Fact]
    public async Task EmptyLibraryShowsAClearState()
    {
        using var app = new TrainingApp();
        var html = await app.CreateBrowser().GetStringAsync("/legal?q=an+ninh");
        Assert.Contains("chưa có văn bản", html);
    }

    [Fact]
    public async Task ArticlePageHasBreadcrumbsAnchorsAndStatus()
    {
        using var app = await LegalFixture.CreateAsync();
        var response = await app.CreateBrowser().GetAsync("/legal/luat-an-ninh-mang/dieu-8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"breadcrumbs\"", html);
        Assert.Contains("id=\"khoan-2\"", html);
        Assert.Contains("id=\"khoan-1-diem-a\"", html);
        Assert.Contains("116/2025/QH15", html);
        Assert.Contains("/legal/phap-dien-an-toan-thong-tin-mang/dieu-3-1-lq-8", html);
    }

    [Fact]
    public async Task PhapDienArticleShowsItsSourceNote()
    {
        using var app = await LegalFixture.CreateAsync();
        var html = await app.CreateBrowser().GetStringAsync("/legal/phap-dien-an-toan-thong-tin-mang/dieu-3-1-lq-8");
        Assert.Contains("Điều 8 Luật số 24/2018/QH14", html);
        Assert.Contains("href=\"/legal/luat-an-ninh-mang/dieu-8\"", html);
        // Its validity is its source's: Luật An ninh mạng 2018, replaced by 116/2025/QH15 (not in this library).
        Assert.Contains("<strong>116/2025/QH15</strong>", html);
    }

    [Fact]
    public async Task DocumentPageListsArticlesAndUnknownIsNotFound()
    {
        using var app = await LegalFixture.CreateAsync();
        var browser = app.CreateBrowser();
        var html = await browser.GetStringAsync("/legal/ninh-binh-58-kh-2017");
        Assert.Contains("58/KH-SGDĐT", html);
        Assert.Contains("/legal/ninh-binh-58-kh-2017/muc-ii", html);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/legal/khong-co")).StatusCode);
    }

    [Fact]
    public async Task ApiReturnsHitsFacetsAndAlqacIds()
    {
        using var app = await LegalFixture.CreateAsync();
        var response = await app.CreateBrowser().GetAsync("/api/legal/search?q=vi%C3%AAn%20ch%E1%BB%A9c&type=Luật");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.True(root.GetProperty("ready").GetBoolean());
        var first = root.GetProperty("hits")[0];
        Assert.Equal("Luật Viên chức", first.GetProperty("lawId").GetString());
        Assert.StartsWith("/legal/luat-vien-chuc/", first.GetProperty("url").GetString());
        Assert.True(root.GetProperty("facets").GetProperty("type").GetArrayLength() > 0);
    }

    [Fact]
    public async Task NamedDocumentAndArticleNumberPutThatArticleFirst()
    {
        using var app = await LegalFixture.CreateAsync();
        // The words match Điều 8 best ("bị nghiêm cấm"); the query names Điều 9 of the law, which comes first.
        var query = Uri.EscapeDataString("Điều 9 Luật An ninh mạng hành vi bị nghiêm cấm");
        using var json = JsonDocument.Parse(await app.CreateBrowser().GetStringAsync("/api/legal/search?q=" + query));
        var hits = json.RootElement.GetProperty("hits");
        Assert.Equal("/legal/luat-an-ninh-mang/dieu-9", hits[0].GetProperty("url").GetString());
        Assert.Equal("/legal/luat-an-ninh-mang/dieu-8", hits[1].GetProperty("url").GetString());
    }

    [Fact]
    public async Task ApiIsDescribedInOpenApi()
    {
        using var app = new TrainingApp();
        var doc = await app.CreateBrowser().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/legal/search", doc);
        Assert.Contains("LegalSearch", doc);
    }
}
