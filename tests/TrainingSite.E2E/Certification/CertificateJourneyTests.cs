using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Events;
using Training.Abstractions.Organisation;
using Training.E2E.Infrastructure;

namespace Training.E2E.Certification;

/// <summary>A learner completes a programme, finds the certificate, downloads the PDF, opens the verification page
/// (the QR code's URL) which says valid; HR revokes it and the same page says revoked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CertificateJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task LearnerEarnsCertificateDownloadsItVerifiesItAndHrRevokesIt()
    {
        using var site = new LiveSite();
        // The completion arrives as the Courses module publishes it (through its outbox) once the learner passes the quiz.
        await site.WithScopeAsync(async sp =>
        {
            var learner = (await sp.GetRequiredService<IOrgDirectory>().GetPeopleAsync(new PeopleQuery(null))).Single(p => p.StaffCode == "DEMO-LEARNER");
            var completed = new CourseCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), learner.UserId, Guid.NewGuid(), "QTUX-03",
                "Quy tắc ứng xử trên mạng xã hội", 1, 88m, DateTimeOffset.UtcNow);
            foreach (var handler in sp.GetServices<IDomainEventHandler<CourseCompleted>>()) await handler.HandleAsync(completed, default);
        });

        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("learner");
        await page.GotoAsync("/certificates");
        var card = page.Locator("article.certificate").Filter(new() { HasText = "Quy tắc ứng xử trên mạng xã hội" });
        await Assertions.Expect(card).ToContainTextAsync("Còn hiệu lực");
        await page.ScreenshotAsync("certificate-mine");

        var download = await page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" }).ClickAsync());
        var pdf = Path.Combine(Journey.Artifacts, "certificate.pdf");
        await download.SaveAsAsync(pdf);
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.InRange(bytes.Length, 5_000, 100 * 1024);

        // The QR code encodes the verification page's absolute URL; the card links to the same URL.
        var verifyPath = await card.GetByRole(AriaRole.Link, new() { Name = "Trang xác thực" }).GetAttributeAsync("href");
        var anonymous = await browser.NewPageAsync(site);
        await anonymous.GotoAsync(site.BaseUrl + verifyPath);
        await Assertions.Expect(anonymous.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "valid");
        await Assertions.Expect(anonymous.Locator("main")).ToContainTextAsync("Phạm Minh Đức");
        await anonymous.ScreenshotAsync("certificate-verify-valid");

        var hr = await browser.NewPageAsync(site);
        await hr.LoginAsync("hr");
        await hr.GotoAsync("/hr/certificates?q=" + Uri.EscapeDataString("Phạm Minh Đức"));
        await hr.GetByRole(AriaRole.Row).Filter(new() { HasText = "Quy tắc ứng xử" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await hr.GetByLabel("Lý do thu hồi").FillAsync("Học viên nhờ người khác làm bài kiểm tra");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Thu hồi chứng chỉ" }).ClickAsync();
        await Assertions.Expect(hr.Locator(".alert-success")).ToContainTextAsync("Đã thu hồi chứng chỉ.");

        await anonymous.ReloadAsync();
        await Assertions.Expect(anonymous.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "revoked");
        await Assertions.Expect(anonymous.Locator("[data-status]")).ToContainTextAsync("Đã bị thu hồi");
        await anonymous.ScreenshotAsync("certificate-verify-revoked");
    }
}
