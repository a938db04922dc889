using QRCoder;
using SkiaSharp;
using Training.Platform.Pdf;

namespace Training.Certification.Pdf;

/// <summary>Draws a certificate as a one-page A4 landscape PDF with SkiaSharp; fonts are HarfBuzz subsets and the QR code
/// is vector rectangles, so a certificate stays far below 100 KB. Thread-safe.</summary>
public sealed class CertificatePdfRenderer(PdfFonts fonts)
{
    private const float Width = 842f, Height = 595f;
    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Red = new(0xB0, 0x1E, 0x23);
    private static readonly SKColor Navy = new(0x1F, 0x3A, 0x68);
    private static readonly SKColor Gold = new(0xB8, 0x93, 0x3E);

    public byte[] Render(CertificateDocument d)
    {
        using var stream = new MemoryStream(48 * 1024);
        var created = new DateTime(d.IssuedOn.Year, d.IssuedOn.Month, d.IssuedOn.Day, 0, 0, 0, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Giấy chứng nhận {d.SerialNumber}",
            Author = d.IssuingUnitName,
            Subject = d.ProgrammeName,
            Creator = "Training",
            Producer = "Training",
            Creation = created,
            Modified = created,
        };
        using var documentFonts = fonts.For(Texts(d));
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(Width, Height);
            Draw(canvas, d, documentFonts);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>Every string the page prints (upper-cased where drawn so), for the font subset.</summary>
    private static IEnumerable<string> Texts(CertificateDocument d) =>
    [
        d.IssuingUnitParent.ToUpperInvariant(), d.IssuingUnitName.ToUpperInvariant(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "GIẤY CHỨNG NHẬN", "Chứng nhận ông/bà", d.HolderName, "Đơn vị: " + d.HolderUnit, d.Wording,
        d.ProgrammeName, d.Result, d.ValidityLine, d.PlaceAndDate, d.SignerTitle, d.SignerName, "Số hiệu: " + d.SerialNumber,
        "Mã xác thực: " + d.VerificationCode, "Quét mã QR hoặc nhập mã tại", d.VerifyUrl,
    ];

    private void Draw(SKCanvas c, CertificateDocument d, DocumentFonts fonts)
    {
        using var frame = new SKPaint { Color = Navy, IsStroke = true, StrokeWidth = 3f, IsAntialias = true };
        using var thin = new SKPaint { Color = Gold, IsStroke = true, StrokeWidth = 1f, IsAntialias = true };
        c.DrawRect(18, 18, Width - 36, Height - 36, frame);
        c.DrawRect(25, 25, Width - 50, Height - 50, thin);

        // Header: issuing unit on the left, the national motto on the right (Nghị định 30/2020/NĐ-CP layout).
        const float leftX = 200f, rightX = 590f;
        Text(c, fonts, d.IssuingUnitParent.ToUpperInvariant(), leftX, 62, "regular", 11.5f, Ink);
        var unitBottom = Wrapped(c, fonts, d.IssuingUnitName.ToUpperInvariant(), leftX, 78, 300, "bold", 11.5f, Ink, 2);
        Underline(c, leftX, unitBottom - 6, 70);
        Text(c, fonts, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rightX, 62, "bold", 12f, Ink);
        Text(c, fonts, "Độc lập - Tự do - Hạnh phúc", rightX, 78, "bold", 12.5f, Ink);
        Underline(c, rightX, 84, 168);

        Text(c, fonts, "GIẤY CHỨNG NHẬN", Width / 2, 150, "bold", 34f, Red);
        Text(c, fonts, "Chứng nhận ông/bà", Width / 2, 188, "italic", 14f, Ink);
        Fitted(c, fonts, d.HolderName, Width / 2, 228, 560, "bold", 28f, Navy);
        Fitted(c, fonts, "Đơn vị: " + d.HolderUnit, Width / 2, 256, 640, "regular", 13.5f, Ink);
        Text(c, fonts, d.Wording, Width / 2, 284, "regular", 14f, Ink);
        var y = Wrapped(c, fonts, d.ProgrammeName, Width / 2, 312, 660, "bold", 17f, Red, 2);
        Text(c, fonts, d.Result, Width / 2, y + 4, "regular", 13.5f, Ink);
        Text(c, fonts, d.ValidityLine, Width / 2, y + 24, "italic", 12.5f, Ink);

        // Signer block, bottom right.
        const float signX = 640f;
        Text(c, fonts, d.PlaceAndDate, signX, 420, "italic", 12.5f, Ink);
        var lineY = 440f;
        foreach (var line in d.SignerTitle.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            Text(c, fonts, line, signX, lineY, "bold", 12.5f, Ink);
            lineY += 17;
        }
        Text(c, fonts, d.SignerName, signX, 540, "bold", 13.5f, Ink);

        // Serial, verification code and QR, bottom left.
        DrawQr(c, d.VerifyUrl, 52, 418, 120);
        Text(c, fonts, "Số hiệu: " + d.SerialNumber, 184, 452, "regular", 11f, Ink, SKTextAlign.Left);
        Text(c, fonts, "Mã xác thực: " + d.VerificationCode, 184, 470, "bold", 11f, Ink, SKTextAlign.Left);
        Text(c, fonts, "Quét mã QR hoặc nhập mã tại", 184, 496, "italic", 10f, Ink, SKTextAlign.Left);
        Fitted(c, fonts, d.VerifyUrl.Split("/verify/")[0] + "/verify", 184, 510, 250, "regular", 10f, Navy, SKTextAlign.Left);
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

    private static void Text(SKCanvas c, DocumentFonts fonts, string text, float x, float y, string style, float size, SKColor color, SKTextAlign align = SKTextAlign.Center)
    {
        using var font = new SKFont(fonts.Get(style), size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        c.DrawText(text, x, y, align, font, paint);
    }

    /// <summary>One line, shrunk until it fits <paramref name="maxWidth"/>.</summary>
    private static void Fitted(SKCanvas c, DocumentFonts fonts, string text, float x, float y, float maxWidth, string style, float size, SKColor color, SKTextAlign align = SKTextAlign.Center)
    {
        using var font = new SKFont(fonts.Get(style), size);
        while (font.MeasureText(text) > maxWidth && font.Size > 8) font.Size -= 0.5f;
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        c.DrawText(text, x, y, align, font, paint);
    }

    /// <summary>Word-wrapped centred text of at most <paramref name="maxLines"/> lines (shrinking when needed);
    /// returns the baseline below the last line.</summary>
    private static float Wrapped(SKCanvas c, DocumentFonts fonts, string text, float x, float y, float maxWidth, string style, float size, SKColor color, int maxLines)
    {
        using var font = new SKFont(fonts.Get(style), size);
        List<string> lines;
        while (true)
        {
            lines = Wrap(text, font, maxWidth);
            if (lines.Count <= maxLines || font.Size <= 8) break;
            font.Size -= 0.5f;
        }
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var step = font.Size * 1.3f;
        foreach (var line in lines)
        {
            c.DrawText(line, x, y, SKTextAlign.Center, font, paint);
            y += step;
        }
        return y;
    }

    private static List<string> Wrap(string text, SKFont font, float maxWidth)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && font.MeasureText(candidate) > maxWidth)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }

    private static void Underline(SKCanvas c, float centreX, float y, float width)
    {
        using var paint = new SKPaint { Color = Ink, StrokeWidth = 0.8f, IsStroke = true, IsAntialias = true };
        c.DrawLine(centreX - width / 2, y, centreX + width / 2, y, paint);
    }
}
