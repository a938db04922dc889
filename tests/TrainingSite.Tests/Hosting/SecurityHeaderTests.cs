using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;

namespace Training.Site.Tests.Hosting;

/// <summary>The security headers are on every kind of response, not only the home page: public and signed-in
/// pages, redirects, refusals (401, 403, 429), error pages (404, 500), static files, JSON APIs, health, the OpenAPI
/// document and form posts; and no HTML page has an inline script or style.</summary>
public sealed class SecurityHeaderTests
{
    [Fact]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders()
    {
        using var app = new TrainingApp().WithClientAddresses().WithServices(s => s.AddSingleton<IStartupFilter, HostFeatureTests.ThrowingEndpoint>());
        await app.CreateUserAsync("hv", BuiltInRoles.Learner);
        var anonymous = app.CreateBrowserFrom("203.0.113.1");
        var learner = app.CreateBrowserFrom("203.0.113.2");
        await learner.SignInAsync("hv");
        var assets = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<StaticAssetDescriptor>()?.Route).OfType<string>().ToList();

        var samples = new List<(string What, HttpResponseMessage Response, HttpStatusCode Expected)>
        {
            ("public page", await anonymous.GetAsync("/"), HttpStatusCode.OK),
            ("public search page", await anonymous.GetAsync("/legal?q=an+ninh"), HttpStatusCode.OK),
            ("public catalogue", await anonymous.GetAsync("/courses"), HttpStatusCode.OK),
            ("public verification form", await anonymous.GetAsync("/verify"), HttpStatusCode.OK),
            ("malformed certificate code", await anonymous.GetAsync("/verify/ABCD-EFGH-JKMN"), HttpStatusCode.BadRequest),
            ("login redirect", await anonymous.GetAsync("/hr"), HttpStatusCode.Redirect),
            ("form post", await anonymous.LoginAsync("hv", "Sai@Matkhau1"), HttpStatusCode.OK),
            ("language redirect", await anonymous.GetAsync("/culture?culture=vi-VN&returnUrl=/"), HttpStatusCode.Redirect),
            ("access-denied page", await anonymous.GetAsync("/account/access-denied"), HttpStatusCode.Forbidden),
            ("signed-in page", await learner.GetAsync("/learning"), HttpStatusCode.OK),
            ("access-denied redirect", await learner.GetAsync("/admin"), HttpStatusCode.Redirect),
            ("404 page", await learner.GetAsync("/khong-co-trang-nay"), HttpStatusCode.NotFound),
            ("500 page", await learner.GetAsync("/boom"), HttpStatusCode.InternalServerError),
            ("JSON API", await anonymous.GetAsync("/api/courses"), HttpStatusCode.OK),
            ("API without a key", await anonymous.GetAsync("/api/plans"), HttpStatusCode.Unauthorized),
            ("API without the permission", await learner.GetAsync("/api/certificates"), HttpStatusCode.Forbidden),
            ("health", await anonymous.GetAsync("/health"), HttpStatusCode.OK),
            ("OpenAPI document", await anonymous.GetAsync("/openapi/v1.json"), HttpStatusCode.OK),
            ("stylesheet", await anonymous.GetAsync("/" + assets.First(r => r.EndsWith(".css", StringComparison.Ordinal))), HttpStatusCode.OK),
            ("script", await anonymous.GetAsync("/" + assets.First(r => r.EndsWith(".js", StringComparison.Ordinal))), HttpStatusCode.OK),
            ("rate-limited", await TooManyLoginsAsync(app), HttpStatusCode.TooManyRequests),
        };

        foreach (var (what, response, expected) in samples)
        {
            Assert.True(expected == response.StatusCode, $"{what}: {(int)response.StatusCode}");
            var csp = Header(response, "Content-Security-Policy", what);
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", what));
            Assert.Equal("DENY", Header(response, "X-Frame-Options", what));
            Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy", what));
            Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy", what));
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(html.Contains("<main", StringComparison.Ordinal), $"{what}: not a rendered page");
                Assert.DoesNotContain("<script>", html);
                Assert.DoesNotContain(" style=\"", html);
                Assert.DoesNotContain(" onclick=", html);
            }
        }
    }

    private static string Header(HttpResponseMessage response, string name, string what) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"{what}: no {name} header");

    private static async Task<HttpResponseMessage> TooManyLoginsAsync(TrainingApp app)
    {
        var client = app.CreateBrowserFrom("203.0.113.99");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 11; i++) last = await client.LoginAsync("khongco", "Sai@Matkhau1");
        return last;
    }
}
