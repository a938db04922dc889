using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Certification.Issuance;
using Training.Platform.Signing;

namespace Training.Certification.Tests.Signing;

/// <summary>Issue 12 item 2: every certificate PDF is a PAdES signature of the issuing unit, checked by Poppler and by
/// the verification page; a reissue signs a new document.</summary>
public sealed class SignedCertificateTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DownloadedCertificateIsSignedValidAndUnmodifiedByTheDemoAgency(TestDatabase database)
    {
        var (app, _) = CertificationHost.Create(database);
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("lan", BuiltInRoles.Learner, fullName: "Trần Thị Lan");
        var certificate = await app.IssueAsync(programme, user.Id);

        var response = await app.CreateBrowser().GetAsync($"/certificates/{VerificationCode.Format(certificate.VerificationCode)}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pdfsig = Poppler.Pdfsig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", pdfsig);
        Assert.Contains("Total document signed", pdfsig);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", pdfsig);
        Assert.Contains("Signer Certificate Common Name: " + DemoCertificates.AgencyName, pdfsig);
        Assert.True(pdf.Length <= 100 * 1024, $"{pdf.Length} bytes");
    }

    [Fact]
    public async Task CopyWithOneChangedByteOfContentIsReportedInvalid()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("lan", BuiltInRoles.Learner, fullName: "Trần Thị Lan");
        var certificate = await app.IssueAsync(programme, user.Id);
        var pdf = await app.CreateBrowser().GetByteArrayAsync($"/certificates/{VerificationCode.Format(certificate.VerificationCode)}/pdf");
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var copy = (byte[])pdf.Clone();
        var at = text.IndexOf("842", text.IndexOf("/MediaBox", StringComparison.Ordinal), StringComparison.Ordinal);
        copy[at] = (byte)'9'; // page width 842 -> 942: one byte of content, well inside the signed range

        var pdfsig = Poppler.Pdfsig(copy);
        var report = app.Services.GetRequiredService<PdfSignatureVerifier>().Verify(copy);

        Assert.Contains("Signature Validation: Digest Mismatch.", pdfsig);
        Assert.DoesNotContain("Signature is Valid", pdfsig);
        Assert.False(report.Valid);
    }

    [Fact]
    public async Task VerificationPageAndApiShowTheSignerAndThatTheSignatureIsValid()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("lan", BuiltInRoles.Learner, fullName: "Trần Thị Lan");
        var certificate = await app.IssueAsync(programme, user.Id);
        var code = VerificationCode.Format(certificate.VerificationCode);
        var client = app.CreateBrowser();

        var page = await client.GetAsync($"/verify/{code}");
        var api = await client.GetAsync($"/api/certificates/{code}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("data-signature=\"valid\"", html);
        Assert.Contains("Chữ ký số hợp lệ", html);
        Assert.Contains(DemoCertificates.AgencyName, html);
        Assert.Contains(DemoCertificates.RootName, html);
        Assert.Contains("Chứng thư số thử nghiệm (DEMO), không có giá trị pháp lý", html);
        Assert.Contains("PAdES B-B", html);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var json = await api.Content.ReadFromJsonAsync<JsonElement>();
        var signature = json.GetProperty("signature");
        Assert.True(signature.GetProperty("valid").GetBoolean());
        Assert.True(signature.GetProperty("demo").GetBoolean());
        Assert.Equal(DemoCertificates.AgencyName, signature.GetProperty("signerName").GetString());
        Assert.False(string.IsNullOrEmpty(signature.GetProperty("serialNumber").GetString()));
    }

    [Fact]
    public async Task ReissueSignsANewDocumentAndKeepsTheOldSnapshot()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("lan", BuiltInRoles.Learner, fullName: "Trần Thị Lan");
        var old = await app.IssueAsync(programme, user.Id);
        var client = app.CreateBrowser();
        var oldPdf = await client.GetByteArrayAsync($"/certificates/{VerificationCode.Format(old.VerificationCode)}/pdf");

        var (replacement, error) = await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateActions>().ReissueAsync(old.Id, "Sai tên", "hr", default));

        Assert.Null(error);
        var newPdf = await client.GetByteArrayAsync($"/certificates/{VerificationCode.Format(replacement!.VerificationCode)}/pdf");
        Assert.Contains("Signature is Valid.", Poppler.Pdfsig(newPdf));
        Assert.NotEqual(CertificateFilesSha(oldPdf), CertificateFilesSha(newPdf));
        Assert.Equal(oldPdf, await client.GetByteArrayAsync($"/certificates/{VerificationCode.Format(old.VerificationCode)}/pdf"));
        Assert.Contains("Signature is Valid.", Poppler.Pdfsig(oldPdf));
    }

    [Fact]
    public async Task ConfiguredPkcs12OfTheIssuingUnitSignsInsteadOfTheDemo()
    {
        var folder = Directory.CreateTempSubdirectory("unit-p12-").FullName;
        var (root, _) = DemoCertificates.Ensure(folder, "ECDSA"); // any PKCS#12 will do: here a second, independent one
        var p12 = Path.Combine(folder, DemoCertificates.AgencyFile);
        var (app, _) = CertificationHost.Create(settings: new Dictionary<string, string?>
        {
            ["Certification:Signing:Units:0:Unit"] = "Sở Giáo dục và Đào tạo Ninh Bình",
            ["Certification:Signing:Units:0:Pkcs12Path"] = p12,
            ["Certification:Signing:Units:0:Password"] = DemoCertificates.Password,
            ["Certification:Signing:TrustedRoots:0"] = root,
            ["Certification:Signing:DemoCertificates"] = "false",
        });
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("lan", BuiltInRoles.Learner);
        var certificate = await app.IssueAsync(programme, user.Id);

        var pdf = await app.CreateBrowser().GetByteArrayAsync($"/certificates/{VerificationCode.Format(certificate.VerificationCode)}/pdf");
        var report = app.Services.GetRequiredService<PdfSignatureVerifier>().Verify(pdf);

        Assert.True(report.Valid, report.Problem);
        Assert.True(report.Trusted);
        Assert.False(report.Demo); // the demo root of this site is not in use
        Assert.False(File.Exists(Path.Combine(app.DataPath, "signing", DemoCertificates.AgencyFile)));
        Directory.Delete(folder, recursive: true);
    }

    private static string CertificateFilesSha(byte[] pdf) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf));
}
