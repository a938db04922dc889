using QRCoder;
using SkiaSharp;
using Training.Platform.Pdf;
using static Training.Platform.Pdf.PdfFontSource;

namespace Training.Certification.Pdf;

/// <summary>The certificate's front page in the administrative layout of Nghị định 30/2020/NĐ-CP: issuing unit and national
/// header, title, holder, programme, then the signer block (with the seal and signature images when uploaded) and the QR code.</summary>
internal sealed class CertificateFrontPage(TextPainter text, PdfImages images, CertificatePage page)
{
    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Gold = new(0xB8, 0x93, 0x3E);
    private const string Header = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Motto = "Độc lập - Tự do - Hạnh phúc";
    private const string Addressee = "Chứng nhận ông/bà", ScanHint = "Quét mã QR hoặc nhập mã tại";

    public static IEnumerable<string> Texts(CertificateDocument d) =>
    [
        d.IssuingUnitParent.ToUpperInvariant(), d.IssuingUnitName.ToUpperInvariant(), Header, Motto, d.Look.Title, Addressee,
        d.HolderName, "Đơn vị: " + d.HolderUnit, d.Wording, d.ProgrammeName, d.Result, d.ValidityLine, d.PlaceAndDate, d.SignerTitle,
        d.SignerName, "Số hiệu: " + d.SerialNumber, "Mã xác thực: " + d.VerificationCode, ScanHint, VerifyBase(d.VerifyUrl),
    ];

    public void Draw(SKCanvas c, CertificateDocument d)
    {
        var look = d.Look;
        var p = page;
        Border(c, look);

        // Header: issuing unit on the left, the national header on the right.
        text.Fitted(c, d.IssuingUnitParent.ToUpperInvariant(), p.LeftX, 62, p.HeaderWidth, Regular, 11.5f, Ink);
        var unitBottom = text.Wrapped(c, d.IssuingUnitName.ToUpperInvariant(), p.LeftX, 78, p.HeaderWidth, Bold, 11.5f, Ink, 2);
        Underline(c, p.LeftX, unitBottom - 6, 70);
        text.Fitted(c, Header, p.RightX, 62, 2 * (p.Width - p.RightX - 30), Bold, 12f, Ink);
        text.Line(c, Motto, p.RightX, 78, Bold, 12.5f, Ink);
        Underline(c, p.RightX, 84, text.Measure(Motto, Bold, 12.5f));

        // Body, moved down (and tightened) when a logo sits above the title.
        var logo = look.LogoPng is { } png ? images.Get(png) : null;
        var t = p.TitleY;
        var k = 1f;
        if (logo is not null)
        {
            const float size = 46f;
            var scale = Math.Min(size / logo.Width, size / logo.Height);
            var w = logo.Width * scale;
            var h = logo.Height * scale;
            c.DrawImage(logo, SKRect.Create(p.Width / 2 - w / 2, unitBottom - 2, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
            t = unitBottom - 2 + size + 34;
            k = page == CertificatePage.Landscape ? 0.9f : 1f;
        }
        var centre = p.Width / 2;
        text.Fitted(c, look.Title, centre, t, p.BodyWidth, Bold, 34f, look.Primary);
        text.Line(c, Addressee, centre, t + 38 * k, Italic, 14f, Ink);
        text.Fitted(c, d.HolderName, centre, t + 78 * k, p.BodyWidth - 100, Bold, 28f, look.Accent);
        text.Fitted(c, "Đơn vị: " + d.HolderUnit, centre, t + 106 * k, p.BodyWidth - 20, Regular, 13.5f, Ink);
        text.Fitted(c, d.Wording, centre, t + 134 * k, p.BodyWidth, Regular, 14f, Ink);
        var y = text.Wrapped(c, d.ProgrammeName, centre, t + 162 * k, p.BodyWidth, Bold, 17f, look.Primary, 2);
        text.Fitted(c, d.Result, centre, y + 4, p.BodyWidth, Regular, 13.5f, Ink);
        text.Fitted(c, d.ValidityLine, centre, y + 24, p.BodyWidth, Italic, 12.5f, Ink);

        SignerBlock(c, d);
        QrBlock(c, d, look);
    }

    private void SignerBlock(SKCanvas c, CertificateDocument d)
    {
        var p = page;
        text.Fitted(c, d.PlaceAndDate, p.SignX, p.SignY, 2 * (p.Width - p.SignX) - 40, Italic, 12.5f, Ink);
        var lineY = p.SignY + 20;
        foreach (var line in d.SignerTitle.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            text.Line(c, line, p.SignX, lineY, Bold, 12.5f, Ink);
            lineY += 17;
        }
        // Signature between the title and the name; the seal over its left third (đóng dấu trùm lên 1/3 chữ ký).
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
        var space = SKRect.Create(p.SignX - 80, lineY - 8, 160, p.SignNameY - 18 - (lineY - 8));
        if (d.SignaturePng is { } signature && images.GetInk(signature) is { } sig)
        {
            using var paint = new SKPaint { Color = sig.Ink, IsAntialias = true };
            c.DrawImage(sig.Mask, Fit(sig.Mask, space), sampling, paint);
        }
        if (d.SealPng is { } seal && images.GetInk(seal) is { } sealInk)
        {
            const float diameter = 104f;
            var box = SKRect.Create(p.SignX - 80 - diameter / 2 + 160f / 3, space.MidY - diameter / 2, diameter, diameter);
            using var paint = new SKPaint { Color = sealInk.Ink, IsAntialias = true };
            c.DrawImage(sealInk.Mask, Fit(sealInk.Mask, box), sampling, paint);
        }
        text.Line(c, d.SignerName, p.SignX, p.SignNameY, Bold, 13.5f, Ink);
    }

    private void QrBlock(SKCanvas c, CertificateDocument d, CertificateLook look)
    {
        var p = page;
        DrawQr(c, d.VerifyUrl, p.QrX, p.QrY, p.QrSize);
        var (x, y) = p.QrTextBeside ? (p.QrX + p.QrSize + 12, p.QrY + 34) : (p.QrX, p.QrY + p.QrSize + 16);
        text.Line(c, "Số hiệu: " + d.SerialNumber, x, y, Regular, 11f, Ink, SKTextAlign.Left);
        text.Line(c, "Mã xác thực: " + d.VerificationCode, x, y + 16, Bold, 11f, Ink, SKTextAlign.Left);
        text.Line(c, ScanHint, x, y + 36, Italic, 10f, Ink, SKTextAlign.Left);
        text.Fitted(c, VerifyBase(d.VerifyUrl), x, y + 50, 250, Regular, 10f, look.Accent, SKTextAlign.Left);
    }

    private static string VerifyBase(string url) => url.Split("/verify/")[0] + "/verify";

    /// <summary>The largest rectangle of the image's aspect ratio centred in <paramref name="box"/>.</summary>
    private static SKRect Fit(SKImage image, SKRect box)
    {
        var scale = Math.Min(box.Width / image.Width, box.Height / image.Height);
        var w = image.Width * scale;
        var h = image.Height * scale;
        return SKRect.Create(box.MidX - w / 2, box.MidY - h / 2, w, h);
    }

    private void Border(SKCanvas c, CertificateLook look)
    {
        var (w, h) = (page.Width, page.Height);
        using var frame = new SKPaint { Color = look.Accent, IsStroke = true, StrokeWidth = 3f, IsAntialias = true };
        using var thin = new SKPaint { Color = Gold, IsStroke = true, StrokeWidth = 1f, IsAntialias = true };
        switch (look.Border)
        {
            case BorderStyle.None:
                return;
            case BorderStyle.Single:
                frame.StrokeWidth = 1.5f;
                c.DrawRect(22, 22, w - 44, h - 44, frame);
                return;
            default:
                c.DrawRect(18, 18, w - 36, h - 36, frame);
                c.DrawRect(25, 25, w - 50, h - 50, thin);
                if (look.Border != BorderStyle.Ornate) return;
                // Corner ornaments: a gold diamond and two short strokes in each corner.
                using (var fill = new SKPaint { Color = Gold, IsAntialias = true })
                {
                    foreach (var (x, y, sx, sy) in new[] { (25f, 25f, 1, 1), (w - 25, 25f, -1, 1), (25f, h - 25, 1, -1), (w - 25, h - 25, -1, -1) })
                    {
                        var (cx, cy) = (x + sx * 12, y + sy * 12);
                        c.Save();
                        c.RotateDegrees(45, cx, cy);
                        c.DrawRect(cx - 8.5f, cy - 8.5f, 17, 17, fill);
                        c.Restore();
                        c.DrawLine(x + sx * 30, y + sy * 6, x + sx * 70, y + sy * 6, thin);
                        c.DrawLine(x + sx * 6, y + sy * 30, x + sx * 6, y + sy * 70, thin);
                    }
                }
                return;
        }
    }

    private static void DrawQr(SKCanvas c, string url, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var cell = size / n;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        for (var row = 0; row < n; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < n)
            {
                if (!bits[col]) { col++; continue; }
                var start = col;
                while (col < n && bits[col]) col++;
                // One rectangle per horizontal run of dark modules: vectors, and a small content stream.
                c.DrawRect(x + start * cell, y + row * cell, (col - start) * cell, cell, paint);
            }
        }
    }

    private static void Underline(SKCanvas c, float centreX, float y, float width)
    {
        using var paint = new SKPaint { Color = Ink, StrokeWidth = 0.8f, IsStroke = true, IsAntialias = true };
        c.DrawLine(centreX - width / 2, y, centreX + width / 2, y, paint);
    }
}
