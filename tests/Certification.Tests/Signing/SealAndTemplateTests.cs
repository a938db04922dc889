using System.Net;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Training.Abstractions.Security;
using Training.Abstractions.Signing;
using Training.Certification.Issuance;
using Training.Certification.Seed;
using UglyToad.PdfPig;

namespace Training.Certification.Tests.Signing;

/// <summary>Issue 12 items 3 and 4: seal and signature images per issuing unit, templates per programme; both apply to
/// certificates issued afterwards only.</summary>
public sealed class SealAndTemplateTests
{
    private const string Unit = "Sở Giáo dục và Đào tạo Ninh Bình";

    [Fact]
    public async Task AdministratorUploadsASealAndOnlyTheNextCertificateShowsIt()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var before = await app.IssueAsync(programme, (await app.CreateUserAsync("an", BuiltInRoles.Learner)).Id);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var upload = await Upload(admin, "Seal", DemoMarks.Seal());
        var signature = await Upload(admin, "Signature", ScannedSignatureOnWhite());
        var after = await app.IssueAsync(programme, (await app.CreateUserAsync("binh", BuiltInRoles.Learner)).Id);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("Đã lưu ảnh con dấu", await upload.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, signature.StatusCode);
        var client = app.CreateBrowser();
        var oldPdf = await client.GetByteArrayAsync($"/certificates/{VerificationCode.Format(before.VerificationCode)}/pdf");
        var newPdf = await client.GetByteArrayAsync($"/certificates/{VerificationCode.Format(after.VerificationCode)}/pdf");
        Assert.Equal(0, RedPixelsInSignerBlock(oldPdf));
        Assert.True(RedPixelsInSignerBlock(newPdf) > 2000, $"{RedPixelsInSignerBlock(newPdf)} red pixels");
        Assert.True(BluePixelsInSignerBlock(newPdf) > 300, "the signature is drawn");
        Assert.True(newPdf.Length <= 100 * 1024, $"{newPdf.Length} bytes with seal and signature");
        Assert.Contains("Signature is Valid.", Poppler.Pdfsig(newPdf));
    }

    [Theory]
    [InlineData("jpeg", "Tệp không phải ảnh PNG.")]
    [InlineData("tiny", "Kích thước ảnh 40×40 điểm ảnh không phù hợp")]
    [InlineData("wide", "Ảnh con dấu phải gần vuông")]
    [InlineData("blank", "Ảnh không có nét mực nào")]
    [InlineData("broken", "Tệp PNG bị hỏng hoặc không đọc được.")]
    public async Task BadSealUploadsAreRefusedWithTheReason(string kind, string message)
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        await app.AddProgrammeAsync();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");
        var png = DemoMarks.Seal();
        byte[] content = kind switch
        {
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'],
            "tiny" => Png(40, 40, SKColors.Red),
            "wide" => Png(600, 200, SKColors.Red),
            "blank" => Png(300, 300, SKColors.White),
            _ => png[..(png.Length / 2)],
        };

        var response = await Upload(admin, "Seal", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var marks = await app.WithScopeAsync(sp => sp.GetRequiredService<Data.CertificationDbContext>().Marks.CountAsync());
        Assert.Equal(0, marks);
    }

    [Fact]
    public async Task LearnerCannotPostASeal()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        await app.AddProgrammeAsync();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocvien");
        // The learner replays a form with a valid token of their own session, taken from a page they may open.
        var token = await learner.GetTokenAsync("/account/password");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(Unit), "unit" }, { new StringContent("Seal"), "kind" },
            { new ByteArrayContent(DemoMarks.Seal()), "file", "seal.png" },
        };

        var response = await learner.PostAsync("/admin/issuers?handler=Upload", form);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, response.StatusCode.ToString());
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<Data.CertificationDbContext>().Marks.CountAsync()));
    }

    [Fact]
    public async Task TemplateChangeAppliesToNewCertificatesOnlyWithACoursesPageAndAPreview()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync(courses: "KPL-01;KN-02");
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var lan = await app.CreateUserAsync("lan", BuiltInRoles.Learner, fullName: "Trần Thị Lan");
        await app.PublishAsync(CertificationHost.Completion(lan.Id, "KPL-01") with { Hours = 8 });
        await app.PublishAsync(CertificationHost.Completion(lan.Id, "KN-02") with { Hours = 4.5m });
        var before = (await app.CertificatesAsync(lan.Id)).Single();
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var save = await admin.PostMultipartAsync($"/admin/programmes/edit/{programme.Id}", Fields(programme, new()
        {
            ["Look.Title"] = "CHỨNG NHẬN HOÀN THÀNH", ["Look.Orientation"] = "Portrait", ["Look.Border"] = "Ornate",
            ["Look.PrimaryColour"] = "#0B6E4F", ["Look.AccentColour"] = "#2A3D66", ["Look.CoursesPage"] = "true",
        }), [("Logo", "logo.png", "image/png", Png(200, 200, new SKColor(0x0B, 0x6E, 0x4F)))]);
        var preview = await admin.GetAsync($"/admin/programmes/{programme.Id}/preview.png");
        var minh = await app.CreateUserAsync("minh", BuiltInRoles.Learner, fullName: "Hoàng Văn Minh");
        await app.PublishAsync(CertificationHost.Completion(minh.Id, "KPL-01") with { Hours = 8 });
        await app.PublishAsync(CertificationHost.Completion(minh.Id, "KN-02") with { Hours = 4.5m });
        var after = (await app.CertificatesAsync(minh.Id)).Single();

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);
        using (var image = SKBitmap.Decode(await preview.Content.ReadAsByteArrayAsync()))
            Assert.True(image.Height > image.Width, "portrait preview");
        var client = app.CreateBrowser();
        using (var old = PdfDocument.Open(await client.GetByteArrayAsync($"/certificates/{VerificationCode.Format(before.VerificationCode)}/pdf")))
        {
            Assert.Equal(1, old.NumberOfPages);
            Assert.True(old.GetPage(1).Width > old.GetPage(1).Height);
            Assert.Contains("GIẤY CHỨNG NHẬN", Text(old, 1));
        }
        var newPdf = await client.GetByteArrayAsync($"/certificates/{VerificationCode.Format(after.VerificationCode)}/pdf");
        using (var pdf = PdfDocument.Open(newPdf))
        {
            Assert.Equal(2, pdf.NumberOfPages);
            Assert.True(pdf.GetPage(1).Height > pdf.GetPage(1).Width);
            Assert.Contains("CHỨNG NHẬN HOÀN THÀNH", Text(pdf, 1));
            var courses = Text(pdf, 2);
            Assert.Contains("DANH SÁCH KHÓA HỌC ĐÃ HOÀN THÀNH", courses);
            Assert.Contains("KPL-01", courses);
            Assert.Contains("KN-02", courses);
            Assert.Contains("4,5", courses);
            Assert.Contains("Tổng số giờ: 12,5", courses);
            Assert.NotEmpty(pdf.GetPage(1).GetImages());
        }
        Assert.Contains("Signature is Valid.", Poppler.Pdfsig(newPdf));
        Assert.True(newPdf.Length <= 100 * 1024, $"{newPdf.Length} bytes");
    }

    [Fact]
    public async Task SavingTheSameLookAddsNoTemplateVersion()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");
        var look = new Dictionary<string, string> { ["Look.Title"] = "GIẤY CHỨNG NHẬN", ["Look.Orientation"] = "Landscape", ["Look.Border"] = "Double",
            ["Look.PrimaryColour"] = "#B01E23", ["Look.AccentColour"] = "#1F3A68" };

        await admin.PostMultipartAsync($"/admin/programmes/edit/{programme.Id}", Fields(programme, look), []);
        await admin.PostMultipartAsync($"/admin/programmes/edit/{programme.Id}", Fields(programme, look), []);
        var bad = await admin.PostMultipartAsync($"/admin/programmes/edit/{programme.Id}", Fields(programme, new(look) { ["Look.PrimaryColour"] = "red" }), []);

        var versions = await app.WithScopeAsync(sp => sp.GetRequiredService<Data.CertificationDbContext>().Templates.CountAsync());
        Assert.Equal(1, versions);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Màu chính: dạng #RRGGBB.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ARegisteredDocumentSignerSignsForItsUnit()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Token ký số của Sở GD&ĐT Ninh Bình, O=Test HSM, C=VN", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var token = new TokenSigner(certificate, key);
        var (app, _) = CertificationHost.Create();
        app.WithServices(s => s.AddSingleton<IDocumentSigner>(token));
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var issued = await app.IssueAsync(programme, (await app.CreateUserAsync("lan", BuiltInRoles.Learner)).Id);

        var pdf = await app.CreateBrowser().GetByteArrayAsync($"/certificates/{VerificationCode.Format(issued.VerificationCode)}/pdf");

        Assert.True(token.Calls > 0);
        var pdfsig = Poppler.Pdfsig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", pdfsig);
        Assert.Contains("Signer Certificate Common Name: Token ký số của Sở GD&ĐT Ninh Bình", pdfsig);
    }

    /// <summary>Stands for an HSM or USB token: the key never leaves it, it only signs digests.</summary>
    private sealed class TokenSigner(X509Certificate2 certificate, ECDsa key) : IDocumentSigner
    {
        public int Calls;
        public IReadOnlyCollection<string> Units => [Unit];
        public IReadOnlyList<X509Certificate2> Chain => [certificate];

        public Task<byte[]> SignDigestAsync(byte[] sha256Digest, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(key.SignHash(sha256Digest, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    private static Dictionary<string, string> Fields(Data.Programme p, Dictionary<string, string> look)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = p.Code, ["Input.Name"] = p.Name, ["Input.CourseCodes"] = p.CourseCodes, ["Input.MinScore"] = "70",
            ["Input.ValidityMonths"] = "24", ["Input.RecertificationWindowDays"] = "60", ["Input.IssuingBody"] = p.IssuingBody,
            ["Input.IssuingUnitName"] = p.IssuingUnitName, ["Input.IssuerCode"] = p.IssuerCode, ["Input.Place"] = p.Place,
            ["Input.SignerTitle"] = p.SignerTitle, ["Input.SignerName"] = p.SignerName, ["Input.Wording"] = p.Wording, ["Input.IsActive"] = "true",
        };
        foreach (var (k, v) in look) fields[k] = v;
        return fields;
    }

    private static Task<HttpResponseMessage> Upload(HttpClient admin, string kind, byte[] png) =>
        admin.PostMultipartAsync("/admin/issuers", new Dictionary<string, string> { ["unit"] = Unit, ["kind"] = kind },
            [("file", "mark.png", "image/png", png)], "/admin/issuers?handler=Upload");

    private static string Text(PdfDocument pdf, int page) =>
        string.Join(" ", pdf.GetPage(page).GetWords().Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>A signature scanned in blue ink on white paper (no transparency).</summary>
    private static byte[] ScannedSignatureOnWhite()
    {
        using var bitmap = new SKBitmap(500, 200);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(0x20, 0x30, 0xA0), StrokeWidth = 7, IsStroke = true, IsAntialias = true };
        canvas.DrawLine(40, 150, 200, 40, ink);
        canvas.DrawLine(200, 40, 260, 160, ink);
        canvas.DrawLine(260, 160, 460, 60, ink);
        return Encode(bitmap);
    }

    private static byte[] Png(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        return Encode(bitmap);
    }

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Reddish pixels in the signer block of a landscape certificate rendered by Poppler at 100 dpi.</summary>
    private static int RedPixelsInSignerBlock(byte[] pdf) => Count(pdf, c => c.Red > 150 && c.Green < 120 && c.Blue < 120);

    private static int BluePixelsInSignerBlock(byte[] pdf) => Count(pdf, c => c.Blue > 110 && c.Red < 100 && c.Green < 120);

    private static int Count(byte[] pdf, Func<SKColor, bool> match)
    {
        using var page = SKBitmap.Decode(Poppler.RenderPng(pdf, 1, 100));
        var scale = 100f / 72f;
        var count = 0;
        for (var y = (int)(425 * scale); y < (int)(535 * scale); y++)
            for (var x = (int)(520 * scale); x < (int)(760 * scale); x++)
                if (match(page.GetPixel(x, y))) count++;
        return count;
    }
}
