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
        await world.SyncAsync();
        world.Learning.Activity.Add((new(2026, 3, 1), new CourseActivity(world.CourseId, "KPL-01", "Kiến thức pháp luật về an ninh mạng", 12, 2, 30)));
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
    public async Task YearlyReportIsSignedSetInSubsetFontsAndReadsWordForWord()
    {
        using var world = await World.CreateAsync();
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2026, 3, 1));
        await world.SyncAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var response = await client.GetAsync($"/hr/plans/{world.Plan.Id}/report.pdf?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var artifacts = Environment.GetEnvironmentVariable("REPORTING_ARTIFACTS");
        if (!string.IsNullOrEmpty(artifacts)) await File.WriteAllBytesAsync(Path.Combine(artifacts, "yearly-report-signed.pdf"), pdf);
        // Subset fonts: the report used to embed whole fonts (about 0.9 MB).
        Assert.True(pdf.Length < 120 * 1024, $"{pdf.Length} bytes");
        var pdfsig = Poppler.Pdfsig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", pdfsig);
        Assert.Contains("Total document signed", pdfsig);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", pdfsig);
        Assert.Contains("Signer Certificate Common Name: " + Training.Platform.Signing.DemoCertificates.AgencyName, pdfsig);
        foreach (var expected in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "THỦ TRƯỞNG ĐƠN VỊ" })
        {
            var words = expected.Split(' ');
            var line = PdfWords.LineStartingWith(pdf, words[0]);
            Assert.Equal(words, line.Take(words.Length).Select(PdfWords.Text));
            Assert.Empty(PdfWords.Overlaps(line));
        }

        var copy = (byte[])pdf.Clone();
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        copy[text.IndexOf("595", text.IndexOf("/MediaBox", StringComparison.Ordinal), StringComparison.Ordinal)] = (byte)'4';
        Assert.Contains("Signature Validation: Digest Mismatch.", Poppler.Pdfsig(copy));
    }

    [Fact]
    public async Task YearlyReportXlsxHasAUnitsSheetAndACoursesSheet()
    {
        using var world = await World.CreateAsync();
        world.Learning.Activity.Add((new(2026, 3, 1), new CourseActivity(world.CourseId, "KPL-01", "Kiến thức pháp luật", 12, 2, 30)));
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
