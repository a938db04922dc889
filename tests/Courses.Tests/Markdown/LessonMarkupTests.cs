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
    public async Task ThousandsOfIdenticalHeadingsGetUniqueAnchorsInLinearTime()
    {
        // Markdig's own extension was quadratic (about 20 s for 24,000 headings, 60 s for 40,000). No absolute time is
        // asserted (the machines are noisy): 4 times more headings must cost far less than 16 times more (quadratic).
        // The two sizes are measured alternately, five times each, and their medians compared, so that a burst of load
        // from tests running alongside falls on both; linear is about 4.
        var small = string.Concat(Enumerable.Repeat("# Ví dụ\n", 6_000));
        var large = string.Concat(Enumerable.Repeat("# Ví dụ\n", 24_000));
        await RenderAsync(small);

        var html = (await RenderAsync(large)).Html;
        Assert.Contains("id=\"ví-dụ-23999\"", html);
        var smallTimes = new List<TimeSpan>();
        var largeTimes = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            smallTimes.Add(await TimeRenderAsync(small));
            largeTimes.Add(await TimeRenderAsync(large));
        }
        var smallTime = smallTimes.Order().ElementAt(2);
        var largeTime = largeTimes.Order().ElementAt(2);
        Assert.True(largeTime < smallTime * 10, $"6,000 headings {smallTime.TotalMilliseconds:0} ms, 24,000 headings {largeTime.TotalMilliseconds:0} ms (medians of 5)");
    }

    private static async Task<TimeSpan> TimeRenderAsync(string markdown)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await RenderAsync(markdown);
        return clock.Elapsed;
    }
}
