using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Courses.Services;
using Training.Courses.Data;
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
        await CreateCourseAndProgrammeAsync(site);

        // The learner takes the course in the browser; passing publishes CourseCompleted through the Courses outbox,
        // and the Certification module issues the certificate when the event is delivered.
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("learner");
        await page.GotoAsync("/courses/E2E-CERT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã học" }).ClickAsync();
        await page.GotoAsync("/courses/E2E-CERT/quiz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
        var questions = page.Locator("fieldset.question");
        await Assertions.Expect(questions).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++) await questions.Nth(i).GetByLabel("Phương án đúng", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đạt");

        var card = page.Locator("article.certificate").Filter(new() { HasText = "Chương trình hành trình E2E" });
        for (var attempt = 0; attempt < 30 && await card.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync("/certificates");
            if (await card.CountAsync() == 0) await Task.Delay(500);
        }
        await Assertions.Expect(card).ToContainTextAsync("Còn giá trị");
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
        // The page also checks the PDF's digital signature and names the signer.
        await Assertions.Expect(anonymous.Locator("[data-signature]")).ToHaveAttributeAsync("data-signature", "valid");
        await Assertions.Expect(anonymous.Locator("[data-signature]")).ToContainTextAsync("Chữ ký số hợp lệ");
        await Assertions.Expect(anonymous.Locator("[data-signature]")).ToContainTextAsync(Training.Platform.Signing.DemoCertificates.AgencyName);
        Assert.Contains("Signature is Valid.", Poppler.Pdfsig(bytes));
        await anonymous.ScreenshotAsync("certificate-verify-valid");

        var hr = await browser.NewPageAsync(site);
        await hr.LoginAsync("hr");
        await hr.GotoAsync("/hr/certificates?q=" + Uri.EscapeDataString("Phạm Minh Đức"));
        await hr.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chương trình hành trình E2E" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await hr.GetByLabel("Lý do thu hồi").FillAsync("Học viên nhờ người khác làm bài kiểm tra");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Thu hồi chứng chỉ" }).ClickAsync();
        await Assertions.Expect(hr.Locator(".alert-success")).ToContainTextAsync("Đã thu hồi chứng chỉ.");

        await anonymous.ReloadAsync();
        await Assertions.Expect(anonymous.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "revoked");
        await Assertions.Expect(anonymous.Locator("[data-status]")).ToContainTextAsync("Đã bị thu hồi");
        await anonymous.ScreenshotAsync("certificate-verify-revoked");
    }

    internal static async Task CreateCourseAndProgrammeAsync(LiveSite site)
    {
        using var scope = site.Services.CreateScope();
        var authoring = scope.ServiceProvider.GetRequiredService<AuthoringService>();
        var courses = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        var owner = await courses.Owners.Select(o => o.UserId).FirstAsync();
        var (course, _) = await authoring.CreateAsync(owner, "E2E-CERT", "Khóa học cấp chứng chỉ", "Quy tắc ứng xử");
        course!.QuizQuestionCount = 2;
        var section = authoring.AddSection(course, "Phần 1");
        authoring.AddLesson(course, section, "Bài duy nhất", "Nội dung bài học.");
        for (var i = 1; i <= 2; i++)
        {
            var q = new Question
            {
                Id = Guid.NewGuid(), CourseId = course.Id, Order = i, Kind = QuestionKind.Single, Text = $"Câu hỏi {i}?",
                Options = ["Phương án đúng", "Phương án sai"], Correct = [0], Explanation = "Giải thích.",
            };
            course.Questions.Add(q);
            courses.Questions.Add(q);
        }
        await authoring.SaveAsync();
        Assert.NotNull((await authoring.PublishAsync(course, owner)).Version);

        var certification = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        certification.Programmes.Add(new Programme
        {
            Id = Guid.NewGuid(), Code = "CT-E2E", Name = "Chương trình hành trình E2E", CourseCodes = "E2E-CERT", MinScore = 80m, ValidityMonths = 24,
            RecertificationWindowDays = 60, IssuingBody = "UBND tỉnh Ninh Bình", IssuingUnitName = "Sở Giáo dục và Đào tạo Ninh Bình",
            IssuerCode = "SGDĐT-NB", Place = "Ninh Bình", SignerTitle = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", SignerName = "Nguyễn Thị Thanh Hương",
            Wording = "Đã hoàn thành chương trình bồi dưỡng", IsActive = true,
        });
        await certification.SaveChangesAsync();
    }
}
