using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;

namespace Training.LegalLibrary.Tests.Citations;

public sealed class CitationTests : IAsyncLifetime
{
    private TrainingApp _app = null!;

    public async Task InitializeAsync() => _app = await LegalFixture.CreateAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<CitationResult> Resolve(string text) => _app.WithScopeAsync(sp => sp.GetRequiredService<ICitationResolver>().ResolveAsync(text));

    [Theory]
    [InlineData("Luật An ninh mạng, Điều 8")]
    [InlineData("luat an ninh mang dieu 8")]
    [InlineData("24/2018/QH14 Điều 8")]
    [InlineData("LUẬT AN NINH MẠNG Điều 8")]
    public async Task ArticleByTitleOrNumber(string text)
    {
        var r = await Resolve(text);
        Assert.True(r.Resolved, r.Error);
        Assert.Equal("/legal/luat-an-ninh-mang/dieu-8", r.Url);
        Assert.Equal("Các hành vi bị nghiêm cấm về an ninh mạng", r.Title);
        Assert.Equal("Điều 8 Luật An ninh mạng", r.Label);
        Assert.Equal("luat-an-ninh-mang/dieu-8", r.ArticleKey);
    }

    [Fact]
    public async Task ClauseAndPointGetAnchors()
    {
        var clause = await Resolve("24/2018/QH14 Điều 8 khoản 2");
        Assert.Equal("/legal/luat-an-ninh-mang/dieu-8#khoan-2", clause.Url);
        Assert.Equal("Khoản 2 Điều 8 Luật An ninh mạng", clause.Label);
        var point = await Resolve("Luật An ninh mạng Điều 8 khoản 1 điểm đ");
        Assert.Equal("/legal/luat-an-ninh-mang/dieu-8#khoan-1-diem-dd", point.Url);
    }

    [Fact]
    public async Task LawKnownOnlyThroughPhapDienResolvesToTheCopy()
    {
        var r = await Resolve("Luật An toàn thông tin mạng, Điều 5");
        Assert.True(r.Resolved, r.Error);
        Assert.Equal("/legal/phap-dien-an-toan-thong-tin-mang/dieu-3-1-lq-5", r.Url);
        Assert.Equal("Điều 5 Luật An toàn thông tin mạng", r.Label);
        Assert.True((await Resolve("86/2015/QH13 Điều 5 khoản 2")).Resolved);
    }

    [Theory]
    [InlineData("Luật Không có, Điều 1", "Không tìm thấy văn bản")]
    [InlineData("Nghị định 53/2022/NĐ-CP Điều 26", "Không tìm thấy văn bản")]
    [InlineData("Luật An ninh mạng, Điều 99", "Không tìm thấy Điều 99")]
    [InlineData("Luật An ninh mạng, Điều 8 khoản 7", "không có khoản 7")]
    [InlineData("Luật An ninh mạng", "không đúng cú pháp")]
    public async Task UnresolvedCitationsExplainWhy(string text, string message)
    {
        var r = await Resolve(text);
        Assert.False(r.Resolved);
        Assert.Contains(message, r.Error);
    }
}
