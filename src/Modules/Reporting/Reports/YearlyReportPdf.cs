using System.Globalization;
using SkiaSharp;
using Training.Platform.Pdf;
using Training.Platform.Signing;
using Training.Reporting.Coverage;
using Training.Reporting.Data;
using static Training.Reporting.Reports.PdfLayout;

namespace Training.Reporting.Reports;

/// <summary>The yearly report as an A4 PDF with the national header (quốc hiệu, tiêu ngữ), set in subset fonts and
/// signed (PAdES) with the signing certificate of the plan's issuing unit.</summary>
public sealed class YearlyReportPdf(PdfFonts fonts, PadesSigner signer)
{
    public async Task WriteAsync(YearlyReport report, Stream output, CancellationToken ct = default)
    {
        var pdf = await RenderSignedAsync(report, ct);
        await output.WriteAsync(pdf, ct);
    }

    public async Task<byte[]> RenderSignedAsync(YearlyReport report, CancellationToken ct = default) =>
        await signer.SignAsync(Render(report), new SigningPurpose(report.Plan.Issuer, Title(report), ""), ct);

    private static string Title(YearlyReport report) => $"Báo cáo kết quả thực hiện kế hoạch năm {report.Year}";

    /// <summary>The unsigned PDF: a first pass lays the report out only to learn its characters, the second draws it
    /// with fonts subset to exactly those (a few kilobytes instead of the whole fonts).</summary>
    public byte[] Render(YearlyReport report)
    {
        var texts = new List<string>();
        using (var baseFonts = fonts.For([]))
        using (var probe = new PdfLayout(null, Title(report), baseFonts, texts))
            Draw(report, probe);
        using var documentFonts = fonts.For(texts);
        using var buffer = new MemoryStream();
        using (var pdf = new PdfLayout(buffer, Title(report), documentFonts))
            Draw(report, pdf);
        return buffer.ToArray();
    }

    private static void Draw(YearlyReport report, PdfLayout pdf)
    {
        var plan = report.Plan;
        const float half = ContentWidth * 0.42f;
        var rightX = MarginLeft + half;
        var rightW = ContentWidth - half;
        var top = pdf.Y;
        pdf.Paragraph(plan.Issuer.ToUpper(new CultureInfo("vi-VN")), Style.Bold, 11, SKTextAlign.Center, MarginLeft, half, 0);
        pdf.Rule(MarginLeft + half * 0.3f, MarginLeft + half * 0.7f, pdf.Y + 2);
        pdf.Y += 8;
        pdf.Paragraph($"Số: ....../BC", Style.Regular, 11, SKTextAlign.Center, MarginLeft, half, 0);
        var leftBottom = pdf.Y;
        pdf.Y = top;
        pdf.Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style.Bold, 11, SKTextAlign.Center, rightX, rightW, 0);
        pdf.Paragraph("Độc lập - Tự do - Hạnh phúc", Style.Bold, 12, SKTextAlign.Center, rightX, rightW, 0);
        pdf.Rule(rightX + rightW * 0.22f, rightX + rightW * 0.78f, pdf.Y + 2);
        pdf.Y += 8;
        pdf.Paragraph($"ngày {report.AsOf.Day:00} tháng {report.AsOf.Month:00} năm {report.AsOf.Year}", Style.Italic, 12, SKTextAlign.Center, rightX, rightW, 0);
        pdf.Y = Math.Max(pdf.Y, leftBottom) + 24;

        pdf.Paragraph("BÁO CÁO", Style.Bold, 14, SKTextAlign.Center, spacingAfter: 2);
        pdf.Paragraph($"Kết quả thực hiện Kế hoạch{(plan.Number is null ? "" : " số " + plan.Number)} năm {report.Year}", Style.Bold, 13, SKTextAlign.Center, spacingAfter: 2);
        pdf.Paragraph(plan.Title, Style.Italic, 12, SKTextAlign.Center, MarginLeft + 30, ContentWidth - 60, 14);

        pdf.Paragraph($"Số liệu tính đến ngày {Display.Date(report.AsOf)}, theo chứng chỉ còn hiệu lực (chưa hết hạn, chưa bị thu hồi) của các chương trình được tính cho từng chỉ tiêu. Thời gian thực hiện kế hoạch: {Display.Period(plan)}.", spacingAfter: 10);

        pdf.Paragraph("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", Style.Bold, 12, spacingAfter: 6);
        foreach (var item in report.Targets)
        {
            var t = item.Target;
            pdf.EnsureSpace(60);
            pdf.Paragraph($"Chỉ tiêu {t.Ordinal}. {t.Indicator}", Style.Bold, 11.5f, spacingAfter: 3);
            pdf.Paragraph($"Đối tượng: {Display.Categories(t)}{(item.Report.Data.Unit(t.UnitId) is { } u ? " thuộc " + u.Name : "")}. " +
                $"Mốc: {(t.Milestones.Count == 0 ? "không có mốc định lượng" : string.Join("; ", t.Milestones.OrderBy(m => m.DueOn).Select(Display.Milestone)))}.",
                Style.Italic, 11, spacingAfter: 4);
            if (item.Report.Data.State != DataState.Ready)
            {
                pdf.Paragraph(Display.State(item.Report.Data.State) + (t.Note is null ? "" : " " + t.Note), size: 11, spacingAfter: 8);
                continue;
            }
            if (item.Report.Selected is not { } sel)
            {
                pdf.Paragraph("Đơn vị của chỉ tiêu nằm ngoài phạm vi quản lý của người lập báo cáo.", size: 11, spacingAfter: 8);
                continue;
            }
            pdf.Paragraph(item.ResultText!, size: 11, spacingAfter: 2);
            pdf.Paragraph(item.IssuedText(report.Year)!, size: 11, spacingAfter: 4);
            var milestones = t.Milestones.OrderBy(m => m.DueOn).ToList();
            var columns = new List<(string, float, SKTextAlign)> { ("Đơn vị", 190, SKTextAlign.Left), ("Số người", 50, SKTextAlign.Right), ("Có chứng chỉ", 55, SKTextAlign.Right), ("Tỷ lệ", 50, SKTextAlign.Right) };
            columns.AddRange(milestones.Select(m => ($"Mốc {Display.Milestone(m)}", 75f, SKTextAlign.Center)));
            var rows = new[] { sel }.Concat(item.Report.Children).Select(r => new[]
            {
                r.Unit.Name, r.Now.Population.ToString(CultureInfo.InvariantCulture), r.Now.Certified.ToString(CultureInfo.InvariantCulture), Display.Percent(r.Now.Percent),
            }.Concat(r.Milestones.Select(m => Display.Status(m.Status))).ToArray());
            pdf.Table(columns, rows);
        }

        pdf.EnsureSpace(80);
        pdf.Paragraph("II. CÁC KHÓA HỌC ĐÃ TỔ CHỨC VÀ SỐ NGƯỜI ĐƯỢC ĐÀO TẠO", Style.Bold, 12, spacingAfter: 6);
        var courses = report.Courses;
        if (!report.LearningAvailable) pdf.Paragraph("Chưa có dữ liệu khóa học (phân hệ khóa học chưa được cài đặt).", size: 11);
        else if (courses.Count == 0) pdf.Paragraph($"Không có khóa học của các chương trình được tính tổ chức trong năm {report.Year}.", size: 11);
        else
        {
            pdf.Table([("Mã", 60, SKTextAlign.Left), ("Khóa học", 220, SKTextAlign.Left), ("Số người hoàn thành", 70, SKTextAlign.Right),
                    ("Số lớp trực tiếp", 60, SKTextAlign.Right), ("Học viên dự lớp", 60, SKTextAlign.Right)],
                courses.Select(c => new[] { c.Code, c.Title, N(c.Completions), N(c.ClassesHeld), N(c.ClassAttendees) }));
            pdf.Paragraph(report.CoursesTotalText, size: 11, spacingAfter: 2);
        }
        // As in the workbook: why the courses held and the certificates issued need not agree.
        if (report.LearningAvailable) pdf.Paragraph(YearlyReport.CoursesNote, size: 10);

        pdf.EnsureSpace(110);
        pdf.Y += 10;
        var signTop = pdf.Y;
        pdf.Paragraph("Nơi nhận:", Style.Bold, 10, x: MarginLeft, width: half, spacingAfter: 0);
        pdf.Paragraph("- Như trên;\n- Lưu: VT.", size: 10, x: MarginLeft, width: half);
        pdf.Y = signTop;
        pdf.Paragraph("THỦ TRƯỞNG ĐƠN VỊ", Style.Bold, 12, SKTextAlign.Center, rightX, rightW, 0);
        pdf.Paragraph("(Ký, ghi rõ họ tên, đóng dấu)", Style.Italic, 11, SKTextAlign.Center, rightX, rightW, 0);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
}
