using System.Globalization;
using SkiaSharp;
using Training.Platform.Pdf;
using static Training.Platform.Pdf.PdfFontSource;

namespace Training.Certification.Pdf;

/// <summary>The optional second page: the courses the certificate rests on, with their hours and results.</summary>
internal sealed class CertificateCoursesPage(TextPainter text, CertificatePage page)
{
    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private const string Heading = "DANH SÁCH KHÓA HỌC ĐÃ HOÀN THÀNH";
    private static readonly string[] Headers = ["STT", "Mã khóa", "Tên khóa học", "Số giờ", "Ngày hoàn thành", "Kết quả"];
    // Column widths as shares of the table width; the title column takes what the others leave.
    private static readonly float[] Shares = [0.06f, 0.12f, 0.46f, 0.09f, 0.14f, 0.13f];

    public static IEnumerable<string> Texts(CertificateDocument d) =>
        new[] { Heading, Attached(d), "Họ và tên: " + d.HolderName, "Tổng số giờ: " + Hours(d.Courses.Sum(c => c.Hours ?? 0)),
                "Chưa có khóa học nào được ghi nhận." }
            .Concat(Headers).Concat(d.Courses.SelectMany(Cells));

    private static string Attached(CertificateDocument d) => $"(Kèm theo {d.Look.Title.ToLower(Vi)} số {d.SerialNumber})";

    private static string Hours(decimal hours) => hours.ToString("0.#", Vi);

    private static string[] Cells(CourseLine c, int index) =>
    [
        (index + 1).ToString(CultureInfo.InvariantCulture), c.Code, c.Title, c.Hours is { } h ? Hours(h) : "—",
        c.CompletedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "Đạt (" + c.ScorePercent.ToString("0.#", Vi) + "/100)",
    ];

    public void Draw(SKCanvas c, CertificateDocument d)
    {
        var look = d.Look;
        const float margin = 50f;
        var width = page.Width - 2 * margin;
        using (var frame = new SKPaint { Color = look.Accent, IsStroke = true, StrokeWidth = 1.5f, IsAntialias = true })
        {
            if (look.Border != BorderStyle.None) c.DrawRect(22, 22, page.Width - 44, page.Height - 44, frame);
        }
        text.Fitted(c, Heading, page.Width / 2, 70, width, Bold, 16f, look.Primary);
        text.Fitted(c, Attached(d), page.Width / 2, 90, width, Italic, 11.5f, Ink);
        text.Fitted(c, "Họ và tên: " + d.HolderName, margin, 118, width, Bold, 12.5f, Ink, SKTextAlign.Left);

        var widths = Shares.Select(s => s * width).ToArray();
        var y = 132f;
        y = Row(c, Headers, widths, margin, y, Bold, true);
        if (d.Courses.Count == 0)
        {
            text.Line(c, "Chưa có khóa học nào được ghi nhận.", page.Width / 2, y + 18, Italic, 11f, Ink);
            return;
        }
        var index = 0;
        foreach (var course in d.Courses)
        {
            if (y > page.Height - 110) break; // A certificate rests on a handful of courses; never run off the page.
            y = Row(c, Cells(course, index++), widths, margin, y, Regular, false);
        }
        text.Line(c, "Tổng số giờ: " + Hours(d.Courses.Sum(x => x.Hours ?? 0)), margin + width, y + 20, Bold, 11.5f, Ink, SKTextAlign.Right);
    }

    /// <summary>One table row of wrapped cells with a ruled box; returns the row's bottom.</summary>
    private float Row(SKCanvas c, string[] cells, float[] widths, float x, float y, string style, bool shade)
    {
        const float size = 10.5f, pad = 4f, leading = 1.25f;
        var face = text.Fonts.Get(style);
        var wrapped = cells.Select((cell, i) => TextWrap.Lines(face, cell, size, widths[i] - 2 * pad)).ToList();
        var height = wrapped.Max(w => w.Count) * size * leading + 2 * pad;
        using var line = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), StrokeWidth = 0.6f, IsStroke = true, IsAntialias = true };
        using var fill = new SKPaint { Color = new SKColor(0xEE, 0xF1, 0xF5), IsAntialias = true };
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        for (var i = 0; i < cells.Length; i++)
        {
            var rect = SKRect.Create(x, y, widths[i], height);
            if (shade) c.DrawRect(rect, fill);
            c.DrawRect(rect, line);
            var ly = y + pad + size;
            var centred = shade || i != 2;
            foreach (var l in wrapped[i])
            {
                face.Shape(l, size).Draw(c, centred ? x + widths[i] / 2 : x + pad, ly, ink, centred ? SKTextAlign.Center : SKTextAlign.Left);
                ly += size * leading;
            }
            x += widths[i];
        }
        return y + height;
    }
}
