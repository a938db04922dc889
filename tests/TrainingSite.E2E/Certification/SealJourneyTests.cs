using SkiaSharp;
using Training.E2E.Infrastructure;

namespace Training.E2E.Certification;

/// <summary>An administrator uploads the issuing unit's red seal; the next certificate (issued by HR) shows it, signed;
/// the programme page previews the template with the seal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SealJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdministratorUploadsASealAndTheNextCertificateShowsIt()
    {
        using var site = new LiveSite();
        await CertificateJourneyTests.CreateCourseAndProgrammeAsync(site);
        var sealFile = Path.Combine(Journey.Artifacts, "upload-seal.png");
        await File.WriteAllBytesAsync(sealFile, RedSeal());

        var admin = await browser.NewPageAsync(site);
        await admin.LoginAsync("admin");
        await admin.GotoAsync("/admin/issuers");
        var unit = admin.Locator("section.issuer").Filter(new() { HasText = "Sở Giáo dục và Đào tạo Ninh Bình" });
        var sealCard = unit.Locator("[data-kind=Seal]");
        await Assertions.Expect(sealCard).ToContainTextAsync("Chưa có ảnh");
        await Assertions.Expect(unit).ToContainTextAsync("DEMO");
        await sealCard.GetByLabel("Tải ảnh PNG").SetInputFilesAsync(sealFile);
        await sealCard.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("Đã lưu ảnh con dấu");
        await Assertions.Expect(admin.Locator("section.issuer").Filter(new() { HasText = "Sở Giáo dục và Đào tạo Ninh Bình" })
            .Locator("[data-kind=Seal] img.mark-preview")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("admin-issuers-seal");
        await admin.SetViewportSizeAsync(390, 844);
        await admin.ScreenshotAsync("admin-issuers-seal-390");
        await admin.SetViewportSizeAsync(1280, 900);

        // The programme page previews the template with the new seal.
        await admin.GotoAsync("/admin/programmes");
        await admin.GetByRole(AriaRole.Link, new() { Name = "CT-E2E" }).ClickAsync();
        var preview = admin.Locator("img.certificate-preview").First;
        await Assertions.Expect(preview).ToBeVisibleAsync();
        var src = await preview.GetAttributeAsync("src");
        var image = await admin.APIRequest.GetAsync(site.BaseUrl + src);
        Assert.Equal(200, image.Status);
        await admin.WaitForFunctionAsync("() => { const i = document.querySelector('img.certificate-preview'); return i && i.complete && i.naturalWidth > 800; }");
        await admin.ScreenshotAsync("admin-programme-template");

        // HR issues the next certificate; its PDF carries the seal and a valid signature.
        var hr = await browser.NewPageAsync(site);
        await hr.LoginAsync("hr");
        await hr.GotoAsync("/hr/certificates/issue");
        await hr.GetByLabel("Chương trình").SelectOptionAsync(new SelectOptionValue { Label = "CT-E2E — Chương trình hành trình E2E" });
        await hr.GetByLabel("Mã cán bộ").FillAsync("NB0042");
        await hr.GetByLabel("Lý do (ví dụ: hoàn thành lớp bồi dưỡng trực tiếp)").FillAsync("Hoàn thành lớp bồi dưỡng trực tiếp ngày 20/11/2026");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Cấp chứng chỉ" }).ClickAsync();
        var download = await hr.RunAndWaitForDownloadAsync(() => hr.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" }).ClickAsync());
        var file = Path.Combine(Journey.Artifacts, "certificate-with-seal.pdf");
        await download.SaveAsAsync(file);
        var pdf = await File.ReadAllBytesAsync(file);
        Assert.Contains("Signature is Valid.", Poppler.Pdfsig(pdf));
        Assert.InRange(pdf.Length, 5_000, 100 * 1024);
        using var page = SKBitmap.Decode(Poppler.RenderPng(pdf, 1, 100));
        await File.WriteAllBytesAsync(Path.Combine(Journey.Artifacts, "certificate-with-seal.png"), Poppler.RenderPng(pdf, 1, 100));
        var red = 0;
        for (var y = 590; y < 745; y++)
            for (var x = 720; x < 1055; x++)
            {
                var c = page.GetPixel(x, y);
                if (c.Red > 150 && c.Green < 120 && c.Blue < 120) red++;
            }
        Assert.True(red > 2000, $"{red} red pixels in the signer block");
    }

    /// <summary>A red ring with a star, on white paper as a scan would be (the upload turns white into transparency).</summary>
    private static byte[] RedSeal()
    {
        using var bitmap = new SKBitmap(400, 400);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(0xD0, 0x20, 0x28), IsStroke = true, StrokeWidth = 14, IsAntialias = true };
        canvas.DrawCircle(200, 200, 180, ink);
        ink.StrokeWidth = 6;
        canvas.DrawCircle(200, 200, 120, ink);
        ink.IsStroke = false;
        canvas.DrawCircle(200, 200, 40, ink);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
