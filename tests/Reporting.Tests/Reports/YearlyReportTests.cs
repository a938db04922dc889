using System.Net;
using MiniExcelLibs;
using Training.Abstractions.Learning;
using UglyToad.PdfPig;

namespace Training.Reporting.Tests.Reports;

public sealed class YearlyReportTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task YearlyReportPdfHasNationalHeaderFiguresAndCourses(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2026, 3, 1));
        world.Ledger.Issue(world.Teachers["gva3"].Id, world.Programme, new(2025, 3, 1));
        world.Learning.Activity.Add((new(2026, 3, 1), new CourseActivity(world.Programme.CourseIds[0], "KPL-01", "Kiến thức pháp luật về an ninh mạng", 12, 2, 30)));
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var response = await client.GetAsync($"/hr/plans/{world.Plan.Id}/report.pdf?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var artifacts = Environment.GetEnvironmentVariable("REPORTING_ARTIFACTS");
        if (!string.IsNullOrEmpty(artifacts)) await File.WriteAllBytesAsync(Path.Combine(artifacts, "yearly-report.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Trường A1", text);
        Assert.Contains("Kiến thức pháp luật", text);
        Assert.DoesNotContain("Trường B1", text);
        Assert.Contains("2/4", text);
    }

    [Fact]
    public async Task YearlyReportXlsxHasAUnitsSheetAndACoursesSheet()
    {
        using var world = await World.CreateAsync();
        world.Learning.Activity.Add((new(2026, 3, 1), new CourseActivity(world.Programme.CourseIds[0], "KPL-01", "Kiến thức pháp luật", 12, 2, 30)));
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var response = await client.GetAsync($"/hr/plans/{world.Plan.Id}/report.xlsx?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Tóm tắt", "Chỉ tiêu 2026", "Khóa học"], stream.GetSheetNames());
        var units = stream.Query(useHeaderRow: true, sheetName: "Chỉ tiêu 2026").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Sở A", "Trường A1", "Trường A2"], units.Select(u => (string)u["Đơn vị"]));
        var courses = stream.Query(useHeaderRow: true, sheetName: "Khóa học").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(12d, Convert.ToDouble(courses.Single()["Số người hoàn thành"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
