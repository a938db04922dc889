using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.Courses.Markdown;

namespace Training.Courses.Tests.Markdown;

/// <summary>What lesson HTML may carry: no class or id of the author's choosing, only what our extensions emit.</summary>
public sealed class LessonMarkupTests
{
    private sealed class Resolver : ICitationResolver
    {
        public Task<CitationResult> ResolveAsync(string citation, CancellationToken ct = default) => Task.FromResult(citation == "Luật An ninh mạng, Điều 8"
            ? new CitationResult(true, "/legal/luat-an-ninh-mang#dieu-8", "Các hành vi bị nghiêm cấm", null, "luat-an-ninh-mang/dieu-8", null)
            : CitationResult.Fail("Không tìm thấy văn bản."));
    }

    private static Task<RenderedLesson> RenderAsync(string markdown)
    {
        var services = new ServiceCollection().AddSingleton<ICitationResolver, Resolver>().BuildServiceProvider();
        return Renderers.Create(services).RenderAsync(markdown, forAuthor: false);
    }

    [Fact]
    public async Task ALessonCannotDressAParagraphAsTheSitesAlertBanner()
    {
        var html = (await RenderAsync("""
            <div class="alert alert-error" id="main" role="alert">Tài khoản của bạn đã bị khóa. Đăng nhập lại tại đây.</div>

            <p class="gov-band site-header" id="culture">Thông báo của Sở</p>
            """)).Html;

        Assert.Contains("Tài khoản của bạn đã bị khóa.", html);
        Assert.Contains("Thông báo của Sở", html);
        Assert.DoesNotContain("class=", html);
        Assert.DoesNotContain("id=", html);
        Assert.DoesNotContain("alert", html);
    }

    [Fact]
    public async Task OnlyTheClassesOurExtensionsEmitSurviveEvenMixedWithOthers()
    {
        var html = (await RenderAsync("Xem [[Luật An ninh mạng, Điều 8]], [[Luật Không Có]] và <span class=\"citation alert\">chữ</span>.")).Html;

        Assert.Contains("<a class=\"citation\" href=\"/legal/luat-an-ninh-mang#dieu-8\"", html);
        Assert.Contains("class=\"citation citation-unresolved\"", html);
        Assert.Contains("<span class=\"citation\">chữ</span>", html);
        Assert.DoesNotContain("alert", html);
    }

    [Fact]
    public async Task HeadingAnchorsAndFootnotesKeepTheirGeneratedIds()
    {
        var html = (await RenderAsync("""
            ## Mục tiêu

            ## Mục tiêu

            # Main

            Văn bản[^1].

            [^1]: Chú thích.
            """)).Html;

        Assert.Contains("<h2 id=\"mục-tiêu\">", html);
        Assert.Contains("<h2 id=\"mục-tiêu-1\">", html);
        // "main" is the layout's own id (skip link target): the lesson heading gets another.
        Assert.Contains("<h1 id=\"main-1\">", html);
        Assert.Contains("id=\"fnref:1\"", html);
        Assert.Contains("<li id=\"fn:1\">", html);
        Assert.Contains("class=\"footnotes\"", html);
        Assert.Contains("class=\"footnote-back-ref\"", html);
    }

    [Fact]
    public async Task AnIdTypedInRawHtmlIsDroppedEvenWhenItLooksLikeAHeadingAnchor()
    {
        var html = (await RenderAsync("<span id=\"khac\">a</span> <a id=\"fn:x\" href=\"#y\">b</a>")).Html;

        Assert.DoesNotContain("id=", html);
        Assert.Contains(">a</span>", html);
    }

    [Fact]
    public async Task ThousandsOfIdenticalHeadingsGetUniqueAnchors()
    {
        // Markdig's own extension was quadratic (about 20 s for 24,000 headings). Speed is a benchmark's business, not a
        // timed unit test's (timings under the parallel suite were too noisy to assert); this checks the anchors.
        var html = (await RenderAsync(string.Concat(Enumerable.Repeat("# Ví dụ\n", 24_000)))).Html;
        Assert.Contains("id=\"ví-dụ-23999\"", html);
    }
}
