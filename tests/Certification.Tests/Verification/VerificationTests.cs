using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Certification.Issuance;
using UglyToad.PdfPig;

namespace Training.Certification.Tests.Verification;

public sealed class VerificationTests
{
    [Fact]
    public async Task VerifyPageShowsValidThenExpiredThenRevokedWithDates()
    {
        var (app, clock) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync(months: 12);
        var user = await app.CreateUserAsync("minh", BuiltInRoles.Learner, fullName: "Hoàng Văn Minh");
        var certificate = await app.IssueAsync(programme, user.Id);
        var code = VerificationCode.Format(certificate.VerificationCode);
        var client = app.CreateBrowser();

        var page = await client.GetAsync($"/verify/{code}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"valid\"", html);
        Assert.Contains("Hoàng Văn Minh", html);
        Assert.Contains(certificate.SerialNumber, html);
        Assert.DoesNotContain("minh@test.local", html);
        // A public visitor gets no cookie: no antiforgery token, no tracking (and the page stays cheap to serve).
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", html);

        clock.SetUtcNow(new DateTimeOffset(2027, 11, 22, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime());
        html = await client.GetStringAsync($"/verify/{code.ToLowerInvariant()}");
        Assert.Contains("data-status=\"expired\"", html);
        Assert.Contains("21/11/2027", html);

        await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateActions>().RevokeAsync(certificate.Id, "Gian lận", "hr", default));
        html = await client.GetStringAsync($"/verify/{code}");
        Assert.Contains("data-status=\"revoked\"", html);
        Assert.Contains("Đã bị thu hồi (ngày 22/11/2027)", html);
        Assert.DoesNotContain("Gian lận", html);
    }

    [Fact]
    public async Task SupersededCertificateLinksToItsReplacement()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("thu", BuiltInRoles.Learner);
        var old = await app.IssueAsync(programme, user.Id);
        var (replacement, _) = await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateActions>().ReissueAsync(old.Id, "Sai tên", "hr", default));

        var html = await app.CreateBrowser().GetStringAsync($"/verify/{VerificationCode.Format(old.VerificationCode)}");

        Assert.Contains("data-status=\"superseded\"", html);
        Assert.Contains($"/verify/{VerificationCode.Format(replacement!.VerificationCode)}", html);
    }

    [Fact]
    public async Task UnknownAndMalformedCodesGetAClearMessageAndTheFormRedirectsToTheCanonicalUrl()
    {
        using var app = new TrainingApp();
        var client = app.CreateBrowser();

        var unknown = await client.GetAsync("/verify/0000-0000-0000-0000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không tìm thấy chứng chỉ nào có mã xác thực này", await unknown.Content.ReadAsStringAsync());

        var malformed = await client.GetAsync("/verify/abc");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("không đúng định dạng", await malformed.Content.ReadAsStringAsync());

        var typed = await client.GetAsync("/verify?code=7kq4m2xd9tbfh3wn");
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal("/verify/7KQ4-M2XD-9TBF-H3WN", typed.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verify")).StatusCode);
    }

    [Fact]
    public async Task ApiReturnsTheSameFactsWithThePdfUrlAndThePdfCarriesTheHoldersName()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("ngoc", BuiltInRoles.Learner, fullName: "Trịnh Thị Bích Ngọc");
        var certificate = await app.IssueAsync(programme, user.Id);
        var code = VerificationCode.Format(certificate.VerificationCode);
        var client = app.CreateBrowser();

        var response = await client.GetAsync($"/api/certificates/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("valid", json.GetProperty("status").GetString());
        Assert.Equal("Trịnh Thị Bích Ngọc", json.GetProperty("holderName").GetString());
        Assert.Equal("2026-11-22", json.GetProperty("issuedOn").GetString());
        var pdfUrl = new Uri(json.GetProperty("pdfUrl").GetString()!);
        Assert.Equal($"/certificates/{code}/pdf", pdfUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/certificates/0000-0000-0000-0000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/certificates/nope")).StatusCode);

        var pdf = await client.GetAsync(pdfUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length <= 100 * 1024);
        Assert.Equal(certificate.PdfSha256, Training.Certification.Pdf.CertificateFiles.Sha256(bytes));
        using var document = PdfDocument.Open(bytes);
        var text = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormC);
        Assert.Contains("Trịnh Thị Bích Ngọc", text);
        Assert.Contains(code, text);
    }

    [Fact]
    public async Task VerificationIsRateLimitedPerClient()
    {
        using var app = new TrainingApp(settings: new Dictionary<string, string?> { ["Certification:VerifyPermitsPerMinute"] = "3" });
        var client = app.CreateBrowser();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/certificates/0000-0000-0000-0000")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/certificates/0000-0000-0000-0000")).StatusCode);
    }
}
