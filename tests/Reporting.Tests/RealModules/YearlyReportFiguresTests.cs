using System.Net;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Training.Reporting.Tests.RealModules;

/// <summary>Issue 10, item 13: the yearly report's figures agree with the dashboard and say how the certificates of the year
/// came about; an empty population shows "—". Through the real modules (see <see cref="RealWorld"/>).</summary>
public sealed class YearlyReportFiguresTests
{
    [Fact]
    public async Task WorkbookSummaryStatesTheTargetFiguresAndHowTheYearsCertificatesWereIssued()
    {
        using var world = await RealWorld.CreateAsync();

        var response = await world.Admin.GetAsync($"/hr/plans/{world.PlanId}/report.xlsx?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var summary = stream.Query(useHeaderRow: true, sheetName: "Tóm tắt").Cast<IDictionary<string, object>>().Select(r => (string)r["Nội dung"]).ToList();
        Assert.Contains("Kết quả: 3/8 người có chứng chỉ còn hiệu lực tại ngày 22/11/2026, đạt 37,5 %.", summary);
        // Four teachers were certified in 2026 after completing the course (T2A's certificate was revoked since).
        Assert.Contains("Trong năm 2026 có 4 người được cấp chứng chỉ: 4 người sau khi hoàn thành khóa học trên hệ thống, " +
            "0 người được cấp theo quyết định hoặc từ dữ liệu có sẵn (không qua khóa học trên hệ thống).", summary);
        var units = stream.Query(useHeaderRow: true, sheetName: "Chỉ tiêu 2026").Cast<IDictionary<string, object>>().ToList();
        var phong = units.Single(u => (string)u["Đơn vị"] == "Phòng A");
        Assert.Equal("—", phong["Tỷ lệ (%)"]);
        Assert.EndsWith(": Không có người thuộc đối tượng", (string)phong["Tình trạng mốc"]);
    }

    [Fact]
    public async Task PdfShowsADashForAUnitWithNobodyInThePopulation()
    {
        using var world = await RealWorld.CreateAsync();

        var response = await world.Admin.GetAsync($"/hr/plans/{world.PlanId}/report.pdf?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Phòng A 0 0 —", text);
        Assert.Contains("3/8", text);
        Assert.DoesNotMatch(@"(?<![0-9])0,0 %", text);
    }

    [Fact]
    public async Task PdfStatesTheSameFiguresAndWordingAsTheWorkbook()
    {
        using var world = await RealWorld.CreateAsync();

        var response = await world.Admin.GetAsync($"/hr/plans/{world.PlanId}/report.pdf?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Kết quả: 3/8 người có chứng chỉ còn hiệu lực tại ngày 22/11/2026, đạt 37,5 %.", text);
        Assert.Contains("Trong năm 2026 có 4 người được cấp chứng chỉ: 4 người sau khi hoàn thành khóa học trên hệ thống,", text);
        // This world's completions reach Certification only (no course on the site): the courses section says so, and
        // the note says why courses held and certificates issued need not agree.
        Assert.Contains("Không có khóa học của các chương trình được tính tổ chức trong năm 2026.", text);
        Assert.Contains("Số lượt hoàn thành khóa học có thể khác số người được cấp chứng chỉ trong năm", text);
        Assert.DoesNotContain("người được cấp chứng chỉ trong năm 2026.", text);
    }
}
