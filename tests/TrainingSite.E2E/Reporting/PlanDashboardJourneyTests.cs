using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Platform.Time;
using Training.Reporting.Data;
using Training.E2E.Infrastructure;

namespace Training.E2E.Reporting;

[Collection(BrowserCollection.Name)]
public sealed class PlanDashboardJourneyTests(BrowserFixture browser)
{
    /// <summary>HR opens the plans dashboard, drills down from the Sở to a school, exports its people list and
    /// downloads the plan's yearly report as PDF.</summary>
    [Fact]
    public async Task HrDrillsDownToASchoolExportsTheListAndDownloadsTheYearlyReport()
    {
        using var site = new LiveSite();
        // The plan's yearly report is due in 5 days (inside its default 14-day window): the HR home announces it.
        var today = VietnamClock.DateOf(DateTimeOffset.UtcNow);
        var due = today.AddDays(5);
        await site.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Plans.Where(p => p.Number == "58/KH-SGDĐT")
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.ReportDeadlineDay, due.Day).SetProperty(p => p.ReportDeadlineMonth, due.Month)));
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("hr");

        await page.GotoAsync("/hr");
        // A run that crosses midnight in Vietnam (17:00 UTC) renders one day less than was planned: a CI run failed on
        // "còn 4 ngày". If the day turned while the page loaded, load it again, now surely on the new day.
        var shown = VietnamClock.DateOf(DateTimeOffset.UtcNow);
        if (shown != today) await page.ReloadAsync();
        var deadlines = page.GetByRole(AriaRole.Region, new() { Name = "Sắp đến hạn báo cáo" });
        await Assertions.Expect(deadlines).ToContainTextAsync($"trước ngày {due:dd/MM/yyyy} (còn {due.DayNumber - shown.DayNumber} ngày)");
        await Assertions.Expect(deadlines.GetByRole(AriaRole.Link, new() { Name = "bảng tính (XLSX)" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/report\\.xlsx\\?year={due.Year}$"));
        await page.ScreenshotAsync("hr-home-deadline");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("hr-home-deadline-390");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch và chỉ tiêu" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kế hoạch và chỉ tiêu");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Thực hiện Đề án") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("58/KH-SGDĐT");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem theo đơn vị" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        await Assertions.Expect(page.Locator("svg.coverage-chart")).ToBeVisibleAsync();
        await page.ScreenshotAsync("reporting-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Trường THPT chuyên Lương Văn Tụy" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Trường THPT chuyên Lương Văn Tụy");
        await page.GetByRole(AriaRole.Link, new() { Name = "Danh sách cán bộ" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Danh sách cán bộ");
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("reporting-school-people");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Xuất CSV" }).ClickAsync());
        var csvPath = Path.Combine(Journey.Artifacts, "reporting-school-people.csv");
        await csv.SaveAsAsync(csvPath);
        var bytes = await File.ReadAllBytesAsync(csvPath);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("Trường THPT chuyên Lương Văn Tụy", System.Text.Encoding.UTF8.GetString(bytes));

        await page.GetByRole(AriaRole.Link, new() { Name = "58/KH-SGDĐT" }).First.ClickAsync();
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new("Báo cáo kết quả năm .* \\(PDF\\)") }).ClickAsync());
        var pdfPath = Path.Combine(Journey.Artifacts, "reporting-yearly-report.pdf");
        await pdf.SaveAsAsync(pdfPath);
        var head = new byte[5];
        await using (var file = File.OpenRead(pdfPath)) await file.ReadExactlyAsync(head);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
    }

    /// <summary>HR adds a target with a milestone to a plan of their Sở in the browser, then opens its dashboard.</summary>
    [Fact]
    public async Task HrAddsATargetToAPlanAndOpensItsDashboard()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("hr");

        await page.GotoAsync("/hr/plans");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Thực hiện Đề án") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thêm chỉ tiêu");
        await page.GetByLabel("Chỉ tiêu (nguyên văn như trong kế hoạch)").FillAsync("Đến hết năm 2027, trên 90% giáo viên có chứng chỉ.");
        await page.GetByLabel("Đối tượng: ngạch, loại cán bộ (cách nhau bởi dấu ;, để trống: toàn bộ cán bộ)").FillAsync("giáo viên");
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new("CT-KPL") }).CheckAsync();
        await page.GetByLabel("Mốc 1: Hạn hoàn thành").FillAsync("31/13/2027");
        await page.GetByLabel("Mốc 1: tỷ lệ").FillAsync("90");
        await page.GetByLabel("trên (lớn hơn hẳn)").First.CheckAsync();
        await page.ScreenshotAsync("reporting-target-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("Mốc 1, thời hạn: “31/13/2027” không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 31/12/2030).");
        await page.ScreenshotAsync("reporting-target-edit-error");

        await page.GetByLabel("Mốc 1: Hạn hoàn thành").FillAsync("31/12/2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã lưu chỉ tiêu.");
        var target = page.Locator("section.target").Filter(new() { HasText = "trên 90% giáo viên" });
        await Assertions.Expect(target).ToContainTextAsync("trên 90 %");
        await target.GetByRole(AriaRole.Link, new() { Name = "Xem theo đơn vị" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg.coverage-chart")).ToBeVisibleAsync();
        await page.ScreenshotAsync("reporting-new-target-dashboard");
    }
}
